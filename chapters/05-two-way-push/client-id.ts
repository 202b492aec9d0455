// Who is calling? The wire messages carry no client identity, so every
// Contact call names its client in the `client-id` request header (metadata).
// The server keeps one task queue per client id. This is identification, not
// authentication: anyone can claim any id. A real deployment takes the identity
// from credentials instead (a client certificate or a token).
//
// A call without the header is the default client, DEFAULT_CLIENT_ID: the
// original tutorial's clients send no metadata at all, and they keep working.
import { Metadata, status } from '@grpc/grpc-js';
import { RpcError } from '../shared/rpc-error.ts';

export const CLIENT_ID_HEADER = 'client-id';

/**
 * Who a call without a `client-id` is. Every such caller is this one client:
 * two clients that send no id share one queue, and either may take (and
 * acknowledge) the other's tasks.
 */
export const DEFAULT_CLIENT_ID = 'anonymous';

const CLIENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Metadata for a call made on behalf of `clientId`. */
export function clientIdMetadata(clientId: string): Metadata {
  const metadata = new Metadata();
  metadata.set(CLIENT_ID_HEADER, clientId);
  return metadata;
}

/** The caller's client id (DEFAULT_CLIENT_ID if it sent none), or INVALID_ARGUMENT saying what is wrong with it. */
export function clientIdOf(metadata: Metadata): string {
  const values = metadata.get(CLIENT_ID_HEADER);
  if (values.length === 0) return DEFAULT_CLIENT_ID;
  // A header sent twice arrives as one value, "alice, bob", which the pattern refuses.
  const [value] = values;
  return checkClientId(typeof value === 'string' ? value : value.toString('utf8'));
}

/** `clientId` if it is well-formed, else INVALID_ARGUMENT quoting it. */
export function checkClientId(clientId: string): string {
  if (!CLIENT_ID_PATTERN.test(clientId)) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `${CLIENT_ID_HEADER} must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit; got ${JSON.stringify(clientId)}`,
    );
  }
  return clientId;
}
