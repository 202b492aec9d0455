import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { importExercise } from '../../shared/exercise.ts';
import { startServer } from '../../shared/server.ts';
import { greeterBackend } from '../backend.ts';

const { greetWhenUp } = await importExercise<typeof import('./greet-when-up.ts')>(import.meta.url, 'greet-when-up.ts');

/**
 * A port where no gRPC server listens yet: a plain TCP listener hangs up on
 * every connection, and tells us when the client has tried one.
 */
async function portThatHangsUp() {
  const listener = createServer((socket) => socket.destroy());
  listener.listen(0, '127.0.0.1');
  await once(listener, 'listening');
  const tried = once(listener, 'connection', { signal: AbortSignal.timeout(5_000) });
  tried.catch(() => {}); // a test that never waits for it must not see it time out
  let closed: Promise<unknown> | undefined;
  return {
    port: (listener.address() as AddressInfo).port,
    tried,
    close: () => (closed ??= new Promise((resolve) => listener.close(resolve))),
  };
}

test('a server that is already up: the greeting', async () => {
  const server = await startServer(greeterBackend('up').addTo);
  try {
    assert.equal(await greetWhenUp(server.address, 'World', 2_000), 'Hello, World');
  } finally {
    await server.stop();
  }
});

test('a server that starts after the call was made: the greeting, within the timeout', async () => {
  const door = await portThatHangsUp();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const greeting = greetWhenUp(`127.0.0.1:${door.port}`, 'World', 5_000);
    await door.tried; // the client has tried, and been hung up on
    await door.close();
    server = await startServer(greeterBackend('late').addTo, { port: door.port });
    assert.equal(await greeting, 'Hello, World');
  } finally {
    await door.close();
    await server?.stop();
  }
});

test('no server within the timeout: DEADLINE_EXCEEDED after the timeout, not UNAVAILABLE at once', async () => {
  const door = await portThatHangsUp();
  try {
    const started = Date.now();
    await assert.rejects(greetWhenUp(`127.0.0.1:${door.port}`, 'World', 300), { code: status.DEADLINE_EXCEEDED });
    assert.ok(Date.now() - started >= 290, 'it waited for the timeout');
  } finally {
    await door.close();
  }
});
