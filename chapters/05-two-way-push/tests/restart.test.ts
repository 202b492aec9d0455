// The promise this chapter makes, checked against a real server process that
// is killed (SIGKILL: no handler runs, nothing is tidied up) in the middle of
// a stream and started again on the same port with the same journal.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startServerScript, type ServerProcess } from '../../shared/testing.ts';
import { readJournal } from './contact-fixture.ts';
import { eventually } from './eventually.ts';
import { TaskWorker } from '../task-worker.ts';

const SERVER = 'chapters/05-two-way-push/server.ts';
const CLIENT_ID = 'crash-test';
const LONG_WAIT_MS = 20_000; // child processes start slowly on a busy machine

test('killed mid-stream and restarted: every unacknowledged task comes back, no acknowledged one does, none is done twice', async (t) => {
  const folder = await mkdtemp(join(tmpdir(), 'grpc-workbook-05-restart-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  const journalPath = join(folder, 'journal.jsonl');
  const args = ['--state', journalPath, '--every', '20'];
  const servers: ServerProcess[] = [];
  t.after(() => Promise.all(servers.map((server) => server.kill())));
  servers.push(await startServerScript(SERVER, args, { timeoutMs: LONG_WAIT_MS }));
  const address = servers[0].address;
  const port = Number(address.slice(address.lastIndexOf(':') + 1));

  // Task 3 takes until the test says so: the kill always finds it in hand,
  // delivered and unacknowledged, with task 4 delivered behind it.
  let finishThird: () => void = () => {};
  const thirdMayFinish = new Promise<void>((resolve) => (finishThird = resolve));
  const done: number[] = [];
  const worker = new TaskWorker({
    address,
    clientId: CLIENT_ID,
    backoff: { initialMs: 20, maxMs: 200, multiplier: 2 },
    work: async ({ id, task }) => {
      if (id === 3) await thirdMayFinish;
      done.push(id);
      return `did ${task}`;
    },
  });
  t.after(() => worker.stop());
  const confirmed = new Set<number>();
  const deliveries: { id: number; afterRestart: boolean; confirmedBefore: boolean }[] = [];
  let restarted = false;
  worker.on('confirmed', (ids) => ids.forEach((id) => confirmed.add(id)));
  worker.on('delivered', ({ id }) => deliveries.push({ id, afterRestart: restarted, confirmedBefore: confirmed.has(id) }));
  const running = worker.start();

  await eventually('tasks 1 and 2 are confirmed and task 4 has arrived', () => confirmed.has(2) && worker.highestTaken >= 4, LONG_WAIT_MS);
  const killed = await servers[0].kill();
  assert.equal(killed.code, null, 'the first server died of the signal');
  const confirmedAtKill = new Set(confirmed);
  const takenAtKill = worker.highestTaken;
  restarted = true;
  servers.push(await startServerScript(SERVER, args, { timeoutMs: LONG_WAIT_MS, port }));

  await eventually('task 3 has come back', () => deliveries.some(({ id, afterRestart }) => id === 3 && afterRestart), LONG_WAIT_MS);
  finishThird();
  const firstTen = Array.from({ length: 10 }, (_, i) => i + 1);
  await eventually('ten tasks are done and confirmed', () => firstTen.every((id) => confirmed.has(id)), LONG_WAIT_MS);
  const report = await worker.stop();
  await running;
  const stopped = await servers[1].interrupt();

  assert.deepEqual([...confirmedAtKill].sort(), [1, 2]);
  assert.ok(takenAtKill >= 4, `the worker held tasks 3 to ${takenAtKill} at the kill`);
  for (let id = 3; id <= takenAtKill; id++) {
    assert.ok(deliveries.some((d) => d.id === id && d.afterRestart), `unacknowledged task ${id} was delivered again after the restart`);
  }
  assert.deepEqual(deliveries.filter((d) => d.confirmedBefore), [], 'no task was delivered after its result was confirmed');
  assert.deepEqual(done, Array.from({ length: done.length }, (_, i) => i + 1), 'each task done once, in order');
  assert.deepEqual(report, { processed: done.length, unconfirmed: [] });

  const journal = (await readJournal(journalPath)).filter((entry) => entry.client === CLIENT_ID);
  const taskIds = journal.flatMap((entry) => (entry.type === 'task' ? [entry.id] : []));
  assert.deepEqual(taskIds, Array.from({ length: taskIds.length }, (_, i) => i + 1), 'task ids run 1, 2, 3, … with no gap');
  const taskText = new Map(journal.flatMap((entry) => (entry.type === 'task' ? [[entry.id, entry.task]] : [])));
  const results = journal.flatMap((entry) => (entry.type === 'result' ? [[entry.id, entry.ret]] : []));
  assert.deepEqual(
    results.sort(([a], [b]) => Number(a) - Number(b)),
    done.map((id) => [id, `did ${taskText.get(id)}`]),
    'every result the worker produced is in the journal, once',
  );
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.match(stopped.stdout, /^journal .* replayed: clients 1, tasks \d+, results 2\nContact listening on /);
});
