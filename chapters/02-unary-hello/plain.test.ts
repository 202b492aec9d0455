// plain-server.ts and plain-client.ts in two processes, as a learner runs them
// in two terminals: they need nothing from the workbook to work.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { runScript, startServerScript } from '../shared/testing.ts';

const SERVER = 'chapters/02-unary-hello/plain-server.ts';
const CLIENT = 'chapters/02-unary-hello/plain-client.ts';

test('the plain client greets the plain server with a callback call and an awaited one; Ctrl-C stops the server', async () => {
  const server = await startServerScript(SERVER);
  const greeted = await runScript(CLIENT, ['--addr', server.address]);
  const named = await runScript(CLIENT, ['--addr', server.address, '--name', 'Ada']);
  const refused = await runScript(CLIENT, ['--addr', server.address, '--name', '']);
  const stopped = await server.interrupt();
  const serverGone = await runScript(CLIENT, ['--addr', server.address]);
  assert.equal(greeted.code, 0, greeted.stderr);
  assert.equal(greeted.stdout, 'SayHello: Hello, World\nSayHelloAgain: Hello again, World\n');
  assert.equal(named.stdout, 'SayHello: Hello, Ada\nSayHelloAgain: Hello again, Ada\n');
  assert.equal(refused.code, 1);
  assert.equal(
    refused.stderr,
    'SayHello failed: INVALID_ARGUMENT (3): name must not be empty\nSayHelloAgain failed: INVALID_ARGUMENT (3): name must not be empty\n',
  );
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.match(stopped.stdout, /^Greeter listening on localhost:\d+\n$/);
  // Ctrl-C stopped the server; a client now fails at once with UNAVAILABLE, not a hang.
  assert.equal(serverGone.code, 1);
  assert.match(serverGone.stderr, /^SayHello failed: UNAVAILABLE \(14\): /);
});

test('the plain halves import grpc-js and the generated stubs, nothing of the workbook', () => {
  for (const file of [SERVER, CLIENT]) {
    const imports = [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map(([, from = '']) => from);
    assert.deepEqual(
      imports.filter((from) => !['node:util', '@grpc/grpc-js', '../../generated/static/hello.ts'].includes(from)),
      [],
      file,
    );
  }
});
