// Exercise 09-B: call credentials that fetch a token only when they need one.
//
// Real bearer tokens expire, and fetching one (from an identity provider, a
// metadata server, a file) takes time. Implement cachedBearerToken(fetchToken,
// now): CallCredentials that put "authorization: Bearer <token>" on every call,
// where
//   - the token comes from `await fetchToken()`, which resolves to
//     { token, expiresAt } (expiresAt in milliseconds, on the same clock as now());
//   - a token is reused until 30 seconds before its expiresAt, then fetched anew;
//   - calls that need a token while a fetch is under way wait for that fetch:
//     one fetch, however many calls;
//   - if fetchToken rejects, the calls waiting for it fail (grpc-js reports
//     UNKNOWN "Getting metadata from plugin failed with error: <message>"), and
//     the next call tries a new fetch.
// credentials.createFromMetadataGenerator((_options, callback) => …) makes
// CallCredentials; call callback(error) or callback(null, metadata).
//
// Check your work: npm run exercises -- 09
import type { CallCredentials } from '@grpc/grpc-js';
import { bearerToken } from '../tls/tls-credentials.ts';

export interface IssuedToken {
  token: string;
  /** When the token stops working, in milliseconds on the clock of `now`. */
  expiresAt: number;
}

export const REFRESH_BEFORE_EXPIRY_MS = 30_000;

export function cachedBearerToken(fetchToken: () => Promise<IssuedToken>, now: () => number = Date.now): CallCredentials {
  // TODO: fetch, cache and refresh the token as described above, using
  // fetchToken and now; this placeholder sends a token no server knows.
  return bearerToken('TODO');
}
