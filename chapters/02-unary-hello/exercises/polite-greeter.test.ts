import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { importExercise } from '../../shared/exercise.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { helloProto } from '../dynamic-greeter.ts';
import { staticGreeterCalls, type GreeterCalls } from '../greeter-clients.ts';

const { politeGreeterHandlers } = await importExercise<typeof import('./polite-greeter.ts')>(import.meta.url, 'polite-greeter.ts');

let server: RunningServer;
let client: GreeterCalls;
before(async () => {
  server = await startServer((s) => s.addService(helloProto.helloworld.Greeter.service, politeGreeterHandlers));
  client = staticGreeterCalls(server.address);
});
after(async () => {
  client.close();
  await server.stop();
});

test('greets with a tidied name', async () => {
  assert.equal(await client.sayHello('World'), 'Hello, World');
  assert.equal(await client.sayHello('  ada lovelace '), 'Hello, Ada Lovelace');
  assert.equal(await client.sayHelloAgain('grace hopper'), 'Welcome back, Grace Hopper');
});

test('blank names are refused with INVALID_ARGUMENT, quoting what was sent', async () => {
  await assert.rejects(client.sayHello(''), { code: status.INVALID_ARGUMENT, details: 'name must not be blank, got ""' });
  await assert.rejects(client.sayHelloAgain('   '), { code: status.INVALID_ARGUMENT, details: 'name must not be blank, got "   "' });
});

test('names over 50 characters are refused; characters are code points', async () => {
  assert.equal(await client.sayHello('👋'.repeat(50)), `Hello, ${'👋'.repeat(50)}`);
  assert.equal(await client.sayHello(`  ${'x'.repeat(50)}  `), `Hello, X${'x'.repeat(49)}`);
  await assert.rejects(client.sayHello('x'.repeat(51)), {
    code: status.INVALID_ARGUMENT,
    details: 'name must be at most 50 characters, got 51',
  });
});
