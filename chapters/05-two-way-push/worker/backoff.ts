// How long to wait before reopening a stream that failed: exponential backoff
// with "full jitter". The ceiling doubles with each failure in a row, up to a
// cap, and the wait is drawn uniformly from [0, ceiling]. Without jitter, every
// client of a server that restarts would come back at the same instants and
// knock it over again; drawn at random, their retries spread out.

export interface BackoffPolicy {
  /** The ceiling for the first retry. */
  initialMs: number;
  /** No wait is ever longer than this. */
  maxMs: number;
  /** How much the ceiling grows per failure. */
  multiplier: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 200, maxMs: 5_000, multiplier: 2 };

/**
 * The wait before retry number `attempt` (0 for the first retry after a
 * failure). `random` returns a number in [0, 1); tests pass a fixed one.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * policy.multiplier ** attempt);
  return Math.floor(random() * ceiling);
}
