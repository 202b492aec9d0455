// Where the two halves of a split run meet: server.ts makes certificates into
// a folder on its first run (and again when they are about to expire), and
// client.ts reads them from there, so neither needs a flag. The folder is
// chapters/09-metadata-interceptors-tls/certs/, ignored by git; the
// WORKBOOK_09_CERTS environment variable points elsewhere (the tests use it).
import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueTestCertificates, type TestCertificates } from './certificates.ts';

export const CERTS_DIR_VARIABLE = 'WORKBOOK_09_CERTS';

export function certsDir(): string {
  return process.env[CERTS_DIR_VARIABLE] ?? fileURLToPath(new URL('../certs', import.meta.url));
}

const FILES = {
  ca: 'ca.pem',
  serverCert: 'server.pem',
  serverKey: 'server-key.pem',
  clientCert: 'client.pem',
  clientKey: 'client-key.pem',
} as const;

/** Certificates that expire sooner than this are replaced rather than reused. */
const RENEW_BEFORE_MS = 60 * 60 * 1000;

/** Reads the certificates in `dir`; a clear error if the server half has not made them yet. */
export async function readCertificates(dir: string = certsDir()): Promise<TestCertificates> {
  const read = (file: string) => readFile(join(dir, file), 'utf8');
  try {
    const [ca, serverCert, serverKey, clientCert, clientKey] = await Promise.all(Object.values(FILES).map(read));
    return { ca, server: { cert: serverCert, key: serverKey }, client: { cert: clientCert, key: clientKey } };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(
      `no certificates in ${dir}: start the server half first ` +
        '(npx tsx chapters/09-metadata-interceptors-tls/server.ts), which makes them there',
    );
  }
}

export interface PreparedCertificates {
  certs: TestCertificates;
  dir: string;
  /** Whether they were made just now (false: reused from an earlier run). */
  issued: boolean;
}

/** The server half's side: reuses the certificates in `dir` while they are valid, or makes new ones. */
export async function prepareCertificates(dir: string = certsDir()): Promise<PreparedCertificates> {
  const existing = await readCertificates(dir).catch(() => undefined);
  if (existing && stillUsable(existing)) {
    return { certs: existing, dir, issued: false };
  }
  const certs = await issueTestCertificates();
  await writeCertificates(dir, certs);
  return { certs, dir, issued: true };
}

export async function writeCertificates(dir: string, certs: TestCertificates): Promise<void> {
  await mkdir(dir, { recursive: true });
  const secret = { mode: 0o600 }; // private keys: readable by their owner only
  await Promise.all([
    writeFile(join(dir, FILES.ca), certs.ca),
    writeFile(join(dir, FILES.serverCert), certs.server.cert),
    writeFile(join(dir, FILES.serverKey), certs.server.key, secret),
    writeFile(join(dir, FILES.clientCert), certs.client.cert),
    writeFile(join(dir, FILES.clientKey), certs.client.key, secret),
  ]);
}

/** Whether the certificates parse, belong together and stay valid for a while yet. */
function stillUsable({ ca, server, client }: TestCertificates): boolean {
  try {
    const authority = new X509Certificate(ca);
    const leaves = [server.cert, client.cert].map((pem) => new X509Certificate(pem));
    const lastsLongEnough = (cert: X509Certificate) => Date.parse(cert.validTo) - Date.now() > RENEW_BEFORE_MS;
    return [authority, ...leaves].every(lastsLongEnough) && leaves.every((leaf) => leaf.verify(authority.publicKey));
  } catch {
    return false; // damaged, or not certificates at all: make new ones
  }
}
