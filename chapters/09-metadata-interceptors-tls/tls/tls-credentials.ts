// Credentials on both sides. The server proves who it is with its certificate;
// with mutual TLS the client does too. A bearer token rides on top, per call.
import { credentials, Metadata, ServerCredentials, type CallCredentials, type ChannelCredentials } from '@grpc/grpc-js';
import type { PemIdentity, TestCertificates } from './certificates.ts';

export type TlsMode = 'server-auth' | 'mutual';

export function serverCredentials(certs: TestCertificates, mode: TlsMode): ServerCredentials {
  const identity = { cert_chain: Buffer.from(certs.server.cert), private_key: Buffer.from(certs.server.key) };
  if (mode === 'server-auth') return ServerCredentials.createSsl(null, [identity], false);
  // Mutual TLS: trust client certificates signed by our CA, and require one.
  return ServerCredentials.createSsl(Buffer.from(certs.ca), [identity], true);
}

/** Call credentials: asked for metadata before every call, here the bearer token. */
export function bearerToken(token: string): CallCredentials {
  return credentials.createFromMetadataGenerator((_call, callback) => {
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${token}`);
    callback(null, metadata);
  });
}

export interface ClientTls {
  /** The CA certificate the client trusts (PEM); omit to trust only Node's public roots. */
  trust?: string;
  /** A client certificate and key, for mutual TLS. */
  identity?: PemIdentity;
  /** A bearer token for every call on the channel. */
  token?: string;
}

export function channelCredentials({ trust, identity, token }: ClientTls): ChannelCredentials {
  const tls = credentials.createSsl(
    trust === undefined ? null : Buffer.from(trust),
    identity && Buffer.from(identity.key),
    identity && Buffer.from(identity.cert),
  );
  // combineChannelCredentials refuses insecure channel credentials, so a token
  // set up this way never travels in plain text.
  return token === undefined ? tls : credentials.combineChannelCredentials(tls, bearerToken(token));
}
