import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { REPO_ROOT } from '../../shared/repo-files.ts';
import { runScript, startServerScript } from '../../shared/testing.ts';
import { issueTestCertificates } from '../tls/certificates.ts';
import { certsDir, CERTS_DIR_VARIABLE, prepareCertificates, readCertificates, writeCertificates } from '../tls/cert-folder.ts';

const CHAPTER = 'chapters/09-metadata-interceptors-tls';
const folders: string[] = [];
after(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function newFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'workbook-09-'));
  folders.push(folder);
  return folder;
}

describe('the certificate folder', () => {
  test('is certs/ in the chapter, ignored by git, unless WORKBOOK_09_CERTS says otherwise', async () => {
    assert.equal(process.env[CERTS_DIR_VARIABLE], undefined, 'the tests run without the variable');
    assert.equal(certsDir(), join(REPO_ROOT, CHAPTER, 'certs'));
    assert.match(await readFile(join(REPO_ROOT, CHAPTER, '.gitignore'), 'utf8'), /^certs\/$/m);
  });

  test('the client side gets a clear error before the server half has run', async () => {
    const empty = await newFolder();
    await assert.rejects(readCertificates(empty), {
      message: `no certificates in ${empty}: start the server half first (npx tsx ${CHAPTER}/server.ts), which makes them there`,
    });
  });

  test('the server side makes certificates once, then reuses them while they last', async () => {
    const folder = await newFolder();
    const first = await prepareCertificates(folder);
    assert.equal(first.issued, true);
    const second = await prepareCertificates(folder);
    assert.equal(second.issued, false);
    assert.deepEqual(second.certs, first.certs);
    assert.deepEqual(await readCertificates(folder), first.certs);
    if (process.platform !== 'win32') {
      assert.equal((await stat(join(folder, 'server-key.pem'))).mode & 0o777, 0o600);
      assert.equal((await stat(join(folder, 'client-key.pem'))).mode & 0o777, 0o600);
    }
  });

  test('certificates about to expire, damaged, or from two different runs are replaced', async () => {
    const folder = await newFolder();
    await writeCertificates(folder, await issueTestCertificates(30 * 60_000)); // half an hour left
    assert.equal((await prepareCertificates(folder)).issued, true);

    await writeFile(join(folder, 'ca.pem'), 'not a certificate');
    assert.equal((await prepareCertificates(folder)).issued, true);

    const [one, other] = await Promise.all([issueTestCertificates(), issueTestCertificates()]);
    await writeCertificates(folder, { ...one, server: other.server });
    assert.equal((await prepareCertificates(folder)).issued, true);
    assert.equal((await prepareCertificates(folder)).issued, false);
  });
});

describe('split run: server.ts and client.ts in two processes', () => {
  test('the server half makes certificates, the client half finds them, both without flags', async () => {
    const folder = await newFolder();
    const env = { ...process.env, [CERTS_DIR_VARIABLE]: folder };
    const server = await startServerScript(`${CHAPTER}/server.ts`, [], { env });
    const client = await runScript(`${CHAPTER}/client.ts`, ['--addr', server.address], { env });
    const stopped = await server.interrupt();

    assert.equal(client.code, 0, client.stderr);
    assert.match(server.address, /^localhost:\d+$/);
    assert.equal(client.stdout.match(/← \{"message":"Hello, World"\}/g)?.length, 2);
    assert.match(client.stdout, /← \{"message":"Hello again, World"\}/);
    assert.match(client.stdout, /trailers: x-server-ms: \d+\.\d\d, x-feature-count: 2/);
    assert.match(client.stdout, /✖ UNAVAILABLE \(14\): .*self-signed certificate in certificate chain/);
    assert.match(client.stdout, /✖ UNAVAILABLE \(14\): .*tlsv13 alert certificate required/);
    assert.match(
      client.stdout,
      /▸ 4 calls answered, 9 refused as intended \(INVALID_ARGUMENT, UNAUTHENTICATED, UNAUTHENTICATED, UNAUTHENTICATED, UNAUTHENTICATED, PERMISSION_DENIED, UNAVAILABLE, UNAVAILABLE, UNAVAILABLE\)/,
    );

    assert.equal(stopped.code, 0, stopped.stderr);
    assert.ok(stopped.stdout.startsWith(`made new certificates in ${folder}\n`), stopped.stdout);
    assert.match(stopped.stdout, /server ▸ \/helloworld\.Greeter\/SayHello \(request id [0-9a-f-]{36}, client certificate CN=workbook-client\)/);
    assert.match(stopped.stdout, /server ◂ PERMISSION_DENIED: role "reader" may not call \/helloworld\.Greeter\/SayHelloAgain \(only admin may\)/);
    assert.match(stopped.stdout, /SIGINT: finishing in-flight calls, then stopping\nstopped\n$/);

    const again = await startServerScript(`${CHAPTER}/server.ts`, [], { env });
    const secondRun = await again.interrupt();
    assert.ok(secondRun.stdout.startsWith(`reusing the certificates in ${folder}\n`), secondRun.stdout);
  });

  test('the client half without certificates exits 1 and says what to do', async () => {
    const folder = await newFolder();
    const client = await runScript(`${CHAPTER}/client.ts`, ['--addr', 'localhost:9'], { env: { ...process.env, [CERTS_DIR_VARIABLE]: folder } });
    assert.equal(client.code, 1);
    assert.equal(
      client.stderr,
      `client failed: no certificates in ${folder}: start the server half first (npx tsx ${CHAPTER}/server.ts), which makes them there\n`,
    );
  });

  test('--help explains both halves and makes no certificates', async () => {
    const folder = await newFolder();
    const env = { ...process.env, [CERTS_DIR_VARIABLE]: join(folder, 'certs') };
    const help = await runScript(`${CHAPTER}/server.ts`, ['--help'], { env });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /over mutual TLS/);
    assert.match(help.stdout, /client\.ts --addr localhost:50051/);
    await assert.rejects(stat(join(folder, 'certs')), { code: 'ENOENT' });
    const clientHelp = await runScript(`${CHAPTER}/client.ts`, ['--help'], { env });
    assert.equal(clientHelp.code, 0);
    assert.match(clientHelp.stdout, /which the server half makes/);
  });
});
