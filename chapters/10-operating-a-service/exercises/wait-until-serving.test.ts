import assert from 'node:assert/strict';
import { once } from 'node:events';
import { EventEmitter } from 'node:events';
import { after, before, beforeEach, test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { importExercise } from '../../shared/exercise.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { healthClient } from '../inspection/health-client.ts';
import { ServiceHealth } from '../health.ts';
import { UserDirectory } from '../user-directory.ts';

const { waitUntilServing } = await importExercise<typeof import('./wait-until-serving.ts')>(import.meta.url, 'wait-until-serving.ts');

// A health service whose Watch calls the test can see arrive and end.
const watches = new EventEmitter<{ started: [service: string]; ended: [] }>();
let open = 0;
const directory = new UserDirectory();
const health = new ServiceHealth(['MyService']);
health.follow('MyService', directory);

let server: RunningServer;
let client: grpc.Client;
before(async () => {
  server = await startServer((s) =>
    health.implementation.addToServer({
      addService: (service, implementation) => {
        // The package's handler types are its own; Watch is a server-streaming handler.
        const watch = implementation.watch as grpc.handleServerStreamingCall<{ service: string }, unknown>;
        s.addService(service, {
          ...implementation,
          watch: (call: grpc.ServerWritableStream<{ service: string }, unknown>) => {
            open++;
            call.on('cancelled', () => {
              open--;
              watches.emit('ended');
            });
            watch(call);
            watches.emit('started', call.request.service);
          },
        });
      },
    }),
  );
  client = healthClient(server.address);
});
after(async () => {
  client.close();
  await server.stop(0);
});
beforeEach(() => directory.recover());

/** Resolves once no Watch is open on the server. */
async function noWatchOpen(): Promise<void> {
  while (open > 0) await once(watches, 'ended', { signal: AbortSignal.timeout(2_000) });
}

test('already SERVING: resolves at once, and leaves no Watch open', async () => {
  await waitUntilServing(client, 'MyService', 2_000);
  await noWatchOpen();
});

test('NOT_SERVING: waits, and resolves when the service recovers', async () => {
  directory.fail('connection refused');
  const watching = once(watches, 'started', { signal: AbortSignal.timeout(2_000) });
  const ready = waitUntilServing(client, 'MyService', 5_000);
  let settled = false;
  void ready.then(() => (settled = true), () => (settled = true));
  assert.deepEqual(await watching, ['MyService'], 'waitUntilServing should Watch the service');
  assert.equal(settled, false, 'it must not settle while the service is NOT_SERVING');
  directory.recover();
  await ready;
  await noWatchOpen();
});

test('a name the server learns later: waits through SERVICE_UNKNOWN', async () => {
  const watching = once(watches, 'started', { signal: AbortSignal.timeout(2_000) });
  const ready = waitUntilServing(client, 'helloworld.Greeter', 5_000);
  await watching;
  health.set('helloworld.Greeter', 'SERVING');
  await ready;
  await noWatchOpen();
});

test('never SERVING: rejects with DEADLINE_EXCEEDED after timeoutMs, and leaves no Watch open', async () => {
  directory.fail('connection refused');
  const started = Date.now();
  await assert.rejects(waitUntilServing(client, 'MyService', 300), { code: grpc.status.DEADLINE_EXCEEDED });
  const waited = Date.now() - started;
  assert.ok(waited >= 290 && waited < 2_000, `gave up after ${waited} ms`);
  await noWatchOpen();
});
