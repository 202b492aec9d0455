import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { importExercise } from '../../shared/exercise.ts';
import { startWebServer, type RunningWebServer } from '../web-server.ts';

const { sayHelloByHand, ConnectJsonError } = await importExercise<typeof import('./connect-json-call.ts')>(import.meta.url, 'connect-json-call.ts');

let server: RunningWebServer;
before(async () => (server = await startWebServer()));
after(() => server.stop());

test('greets over the Connect protocol, JSON over HTTP/1.1', async () => {
  assert.equal(await sayHelloByHand(server.pageUrl, 'World'), 'Hello, World');
  assert.equal(await sayHelloByHand(server.pageUrl, 'Grüße 👋'), 'Hello, Grüße 👋');
});

test('an error arrives as a ConnectJsonError with the code and message the server sent', async () => {
  await assert.rejects(sayHelloByHand(server.pageUrl, ''), (error: unknown) => {
    assert.ok(error instanceof ConnectJsonError, `a ConnectJsonError, got ${String(error)}`);
    assert.equal(error.code, 'invalid_argument');
    assert.equal(error.message, 'name must not be empty');
    return true;
  });
});
