// Near-miss for exercise 09-B: the reference solution, except that it keeps a token until it has expired instead of refreshing it 30 s before.
// The exercise's test must fail against it (the workbook checks that it does).
import { credentials, Metadata, type CallCredentials } from '@grpc/grpc-js';

export interface IssuedToken {
  token: string;
  /** When the token stops working, in milliseconds on the clock of `now`. */
  expiresAt: number;
}

export const REFRESH_BEFORE_EXPIRY_MS = 30_000;

export function cachedBearerToken(fetchToken: () => Promise<IssuedToken>, now: () => number = Date.now): CallCredentials {
  let cached: IssuedToken | undefined;
  // The fetch under way, if any: calls that arrive meanwhile wait for it too.
  let pending: Promise<IssuedToken> | undefined;

  // Decides synchronously, so two calls can never both start a fetch.
  function freshToken(): Promise<IssuedToken> {
    if (cached && now() < cached.expiresAt) return Promise.resolve(cached);
    pending ??= fetchToken().then(
      (issued) => {
        cached = issued;
        pending = undefined;
        return issued;
      },
      (error: unknown) => {
        pending = undefined; // forget the failure: the next call tries again
        throw error;
      },
    );
    return pending;
  }

  return credentials.createFromMetadataGenerator((_options, callback) => {
    freshToken().then(
      ({ token }) => {
        const metadata = new Metadata();
        metadata.set('authorization', `Bearer ${token}`);
        callback(null, metadata);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  });
}
