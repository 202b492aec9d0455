// Exercise 13-B: retry a call from the page with exponential backoff, but
// only when it failed with UNAVAILABLE (the server could not be reached, or
// is restarting): that is the status that says "try again". Any other status
// (INVALID_ARGUMENT, NOT_FOUND, …) would fail again the same way: throw it at once.
//
// Implement withBackoff(call, options):
//   - Calls call(); resolves with its result when it succeeds.
//   - If it throws a ConnectError whose code is Code.Unavailable, waits
//     firstDelayMs, then calls again; the next wait is twice as long, and so on.
//   - Makes at most `attempts` calls in all; after the last one fails, throws
//     that last error.
//   - Waits with options.sleep(ms) (a test passes a fake one that only records).
// Only @connectrpc/connect is imported, so the page can use it as it is.
//
// Check your work: npm run exercises -- 13
import { Code, ConnectError } from '@connectrpc/connect';

export interface BackoffOptions {
  /** The most calls in all, the first one included. */
  attempts: number;
  firstDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export async function withBackoff<T>(call: () => Promise<T>, options: BackoffOptions): Promise<T> {
  // TODO: retry on UNAVAILABLE as described above. This calls once.
  void options;
  void Code.Unavailable;
  void ConnectError;
  return call();
}
