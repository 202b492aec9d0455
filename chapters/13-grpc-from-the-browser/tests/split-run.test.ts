import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runScript, startServerScript } from '../../shared/testing.ts';

const SERVER = 'chapters/13-grpc-from-the-browser/server.ts';
const CLIENT = 'chapters/13-grpc-from-the-browser/client.ts';

test('split run: server.ts prints both listeners, client.ts greets in every protocol, Ctrl-C stops the server', async () => {
  const server = await startServerScript(SERVER, ['--web-port', '0']);
  try {
    const [, pageUrl] = await server.waitForOutput(/the page: (http:\/\/\S+) /);
    const page = await fetch(`${pageUrl}/`);
    assert.match(await page.text(), /<title>Chapter 13/);

    const client = await runScript(CLIENT, ['--addr', server.address]);
    assert.equal(client.code, 0, client.stderr);
    assert.equal(client.stdout.match(/← \{"message":"Hello, World"\}/g)?.length, 5, client.stdout);
    assert.equal(client.stdout.match(/✖ INVALID_ARGUMENT: name must not be empty/g)?.length, 4, client.stdout);
  } finally {
    const stopped = await server.interrupt();
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stdout, /SIGINT: finishing in-flight calls, then stopping\nstopped\n/);
  }
});

test('--help on either half says what it does; a bad --web-port is a usage error', async () => {
  const serverHelp = await runScript(SERVER, ['--help']);
  assert.equal(serverHelp.code, 0);
  assert.match(serverHelp.stdout, /--web-port {2}HTTP\/1\.1, for the page/);
  const clientHelp = await runScript(CLIENT, ['--help']);
  assert.equal(clientHelp.code, 0);
  assert.match(clientHelp.stdout, /Connect JSON/);
  const bad = await runScript(SERVER, ['--web-port', 'eighty']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--web-port must be a whole number from 0 to 65535, got "eighty"/);
});
