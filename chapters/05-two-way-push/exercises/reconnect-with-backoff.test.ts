import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { importExercise } from '../../shared/exercise.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import type { BackoffPolicy } from '../worker/backoff.ts';
import { addContact, ContactService } from '../contact-service.ts';
import { contactFixture } from '../tests/contact-fixture.ts';
import { eventually } from '../tests/eventually.ts';
import { TaskStore } from '../store/task-store.ts';

const { collectTasks } = await importExercise<typeof import('./reconnect-with-backoff.ts')>(import.meta.url, 'reconnect-with-backoff.ts');

const POLICY: BackoffPolicy = { initialMs: 40, maxMs: 100, multiplier: 2 };
/** With random() = 0.5, each wait is half its ceiling: 20, 40, 50, 50, … */
const expectedWait = (failure: number) => 0.5 * Math.min(POLICY.maxMs, POLICY.initialMs * POLICY.multiplier ** failure);

async function stoppedServerAddress(): Promise<string> {
  const server = await startServer(() => {});
  await server.stop();
  return server.address;
}

test('comes back after the server goes down, waiting as the policy says, and keeps one of each task', async (t) => {
  const folder = await mkdtemp(join(tmpdir(), 'grpc-workbook-05-exercise-'));
  const journalPath = join(folder, 'journal.jsonl');
  let store = await TaskStore.open(journalPath);
  let service = new ContactService(store);
  let server: RunningServer = await startServer((s) => addContact(s, service));
  t.after(async () => {
    await server.stop(0);
    await store.close();
    await rm(folder, { recursive: true, force: true });
  });
  await service.assign('ada', 'one');
  const waits: number[] = [];
  const arrived: number[] = [];
  const collecting = collectTasks({
    address: server.address,
    clientId: 'ada',
    count: 3,
    policy: POLICY,
    random: () => 0.5,
    maxRetries: 100,
    onWait: (delayMs) => waits.push(delayMs),
    onTask: (task) => arrived.push(task.id),
  });
  let settled = false;
  const outcome = collecting.then(
    (tasks) => ({ tasks }),
    (error: unknown) => ({ error }),
  );
  void outcome.finally(() => (settled = true));
  await eventually('task 1 has arrived', () => arrived.length === 1);
  server.server.forceShutdown(); // the server goes down hard
  await store.close();
  await eventually('the client has waited twice (or given up)', () => waits.length >= 2 || settled);
  store = await TaskStore.open(journalPath); // and comes back, from its journal, on the same port
  service = new ContactService(store);
  server = await startServer((s) => addContact(s, service), { port: server.port });
  await service.assign('ada', 'two');
  await service.assign('ada', 'three');
  assert.deepEqual(await outcome, {
    tasks: [
      { id: 1, task: 'one' },
      { id: 2, task: 'two' },
      { id: 3, task: 'three' },
    ],
  });
  assert.deepEqual(arrived, [1, 2, 3], 'task 1, pushed again after the restart, was kept once');
  assert.deepEqual(waits, waits.map((_, failure) => expectedWait(failure)));
});

test('gives up after maxRetries failures in a row, with the last status', async () => {
  const waits: number[] = [];
  const address = await stoppedServerAddress();
  const started = performance.now();
  await assert.rejects(
    collectTasks({
      address,
      clientId: 'ada',
      count: 1,
      policy: POLICY,
      random: () => 0.5,
      maxRetries: 3,
      onWait: (delayMs) => waits.push(delayMs),
    }),
    { code: status.UNAVAILABLE },
  );
  assert.deepEqual(waits, [20, 40, 50]);
  const elapsedMs = performance.now() - started;
  assert.ok(elapsedMs >= 100, `it gave up after ${Math.round(elapsedMs)} ms: it must wait out each delay (20 + 40 + 50 ms) before trying again`);
});

test('a refusal is not retried', async (t) => {
  const { running } = await contactFixture(t);
  const waits: number[] = [];
  await assert.rejects(
    collectTasks({ address: running.address, clientId: 'a b', count: 1, policy: POLICY, random: () => 0.5, maxRetries: 3, onWait: (ms) => waits.push(ms) }),
    { code: status.INVALID_ARGUMENT },
  );
  assert.deepEqual(waits, []);
});
