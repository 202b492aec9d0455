// Exercise 13-B, a reference solution: retry on UNAVAILABLE only, doubling
// the wait, for a bounded number of attempts.
import { Code, ConnectError } from '@connectrpc/connect';

export interface BackoffOptions {
  /** The most calls in all, the first one included. */
  attempts: number;
  firstDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export async function withBackoff<T>(call: () => Promise<T>, { attempts, firstDelayMs, sleep }: BackoffOptions): Promise<T> {
  let delayMs = firstDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const retryable = error instanceof ConnectError && error.code === Code.Unavailable;
      if (!retryable || attempt >= attempts) throw error;
    }
    await sleep(delayMs);
    delayMs *= 2;
  }
}
