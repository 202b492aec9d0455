import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { helloworld } from '../../../generated/static/hello.ts';
import { importExercise } from '../../shared/exercise.ts';
import { startServer } from '../../shared/server.ts';
import { slowGreeter } from '../slow-greeter.ts';
import { addStaticGreeter } from '../static-greeter.ts';

/** Open TCP connections in this process, both ends counted: the client's and the server's. */
const openSockets = () => process.getActiveResourcesInfo().filter((resource) => resource === 'TCPSocketWrap').length;

/** Whether every connection has closed within `ms`: a closed client's socket goes within a few ticks. */
async function socketsCloseWithin(ms: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < ms; await sleep(10)) {
    if (openSockets() === 0) return true;
  }
  return false;
}

const { greetOrExplain } = await importExercise<typeof import('./greet-or-explain.ts')>(import.meta.url, 'greet-or-explain.ts');

test('a working server: the greeting', async () => {
  const server = await startServer(addStaticGreeter);
  try {
    assert.deepEqual(await greetOrExplain(server.address, 'World', 1_000), { ok: true, message: 'Hello, World' });
    // An open client keeps its connection (and this process) alive.
    assert.ok(await socketsCloseWithin(1_000), 'the connection is still open after greetOrExplain returned: close the client');
  } finally {
    await server.stop();
  }
});

test('a refused request: INVALID_ARGUMENT with the server\'s reason', async () => {
  const server = await startServer(addStaticGreeter);
  try {
    assert.deepEqual(await greetOrExplain(server.address, '', 1_000), {
      ok: false,
      status: 'INVALID_ARGUMENT',
      explanation: 'refused: name must not be empty',
    });
  } finally {
    await server.stop();
  }
});

test('a slow server: DEADLINE_EXCEEDED after the timeout, not after the server\'s 3 s', async () => {
  const slow = slowGreeter(3_000);
  const server = await startServer((s) => s.addService(helloworld.UnimplementedGreeterService.definition, slow.handlers));
  try {
    const started = Date.now();
    const outcome = await greetOrExplain(server.address, 'World', 100);
    assert.deepEqual(outcome, { ok: false, status: 'DEADLINE_EXCEEDED', explanation: 'no answer within 100 ms' });
    assert.ok(Date.now() - started < 2_000);
  } finally {
    await server.stop(0);
  }
});

test('no server: UNAVAILABLE naming the address', async () => {
  const server = await startServer(addStaticGreeter);
  await server.stop();
  assert.deepEqual(await greetOrExplain(server.address, 'World', 1_000), {
    ok: false,
    status: 'UNAVAILABLE',
    explanation: `no server at ${server.address}`,
  });
});
