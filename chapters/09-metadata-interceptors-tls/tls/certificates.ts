// Certificates made for one run, never committed: a CA, a server certificate
// for "localhost" (and 127.0.0.1) and a client certificate for mutual TLS.
// The CA's private key exists only inside issueTestCertificates: once the two
// leaf certificates are signed it is dropped, so nobody can sign anything else
// with this CA, and a copy of these files is worth nothing after they expire.
//
// ECDSA P-256 keys, because making one takes well under a millisecond; an RSA
// 2048 key takes 150-450 ms on the workbook's 2-core machine.
import 'reflect-metadata'; // @peculiar/x509 needs a Reflect polyfill, loaded before it
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';

export interface PemIdentity {
  /** The certificate, PEM text. */
  cert: string;
  /** Its private key, PKCS#8 PEM text. */
  key: string;
}

export interface TestCertificates {
  /** The CA certificate: what a client (or an mTLS server) trusts. */
  ca: string;
  server: PemIdentity;
  client: PemIdentity;
}

export const SERVER_NAMES = { dns: 'localhost', ip: '127.0.0.1' } as const;
export const CLIENT_COMMON_NAME = 'workbook-client';
export const DEFAULT_VALIDITY_MS = 24 * 60 * 60 * 1000;

const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const { KeyUsageFlags, ExtendedKeyUsage } = x509;

function newKeyPair(): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify']);
}

async function privateKeyPem(key: webcrypto.CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

export async function issueTestCertificates(validForMs: number = DEFAULT_VALIDITY_MS): Promise<TestCertificates> {
  // A minute of slack before now, for clocks that disagree a little.
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(Date.now() + validForMs);
  const caKeys = await newKeyPair();
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=grpc-workbook chapter 09 test CA',
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: ECDSA_P256,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true), // a CA, which may sign leaves only
      new x509.KeyUsagesExtension(KeyUsageFlags.keyCertSign, true),
    ],
  });

  async function leaf(commonName: string, usage: string, names: x509.JsonGeneralNames): Promise<PemIdentity> {
    const keys = await newKeyPair();
    const cert = await x509.X509CertificateGenerator.create({
      subject: `CN=${commonName}`,
      issuer: ca.subject,
      notBefore,
      notAfter,
      publicKey: keys.publicKey,
      signingKey: caKeys.privateKey,
      signingAlgorithm: ECDSA_P256,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([usage]),
        ...(names.length > 0 ? [new x509.SubjectAlternativeNameExtension(names)] : []),
      ],
    });
    return { cert: cert.toString('pem'), key: await privateKeyPem(keys.privateKey) };
  }

  return {
    ca: ca.toString('pem'),
    // TLS clients check the name they dialled against these subject alternative
    // names; the common name is not consulted for that any more.
    server: await leaf(SERVER_NAMES.dns, ExtendedKeyUsage.serverAuth, [
      { type: 'dns', value: SERVER_NAMES.dns },
      { type: 'ip', value: SERVER_NAMES.ip },
    ]),
    client: await leaf(CLIENT_COMMON_NAME, ExtendedKeyUsage.clientAuth, []),
  };
}
