import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { status, type sendUnaryData, type ServerReadableStream, type ServerWritableStream, type ServiceError } from '@grpc/grpc-js';
import { Empty, Result, ServerMsg, UnimplementedContactService } from '../../../generated/static/contact_service.ts';
import { RpcError } from '../../shared/rpc-error.ts';
import type { SomeHandlers } from '../../shared/handlers.ts';
import { startServer } from '../../shared/server.ts';
import { backoffDelay, type BackoffPolicy } from '../worker/backoff.ts';
import { contactFixture } from './contact-fixture.ts';
import { eventually } from './eventually.ts';
import type { Task } from '../store/task-store.ts';
import { TaskWorker, type TaskWorkerOptions } from '../task-worker.ts';

const FAST: BackoffPolicy = { initialMs: 10, maxMs: 50, multiplier: 2 };

/** A worker that records what it does; stopped when the test ends. */
function recordingWorker(t: { after(fn: () => unknown): void }, options: Omit<TaskWorkerOptions, 'work'> & Partial<Pick<TaskWorkerOptions, 'work'>>) {
  const done: number[] = [];
  const worker = new TaskWorker({
    backoff: FAST,
    work: (task: Task) => {
      done.push(task.id);
      return `did ${task.task}`;
    },
    ...options,
  });
  const retries: (string | null)[] = [];
  worker.on('retrying', (error) => retries.push(error ? status[error.code] : null));
  t.after(() => worker.stop());
  return { worker, done, retries };
}

describe('backoff', () => {
  test('the ceiling doubles from initialMs up to maxMs; the wait is drawn below it', () => {
    const policy: BackoffPolicy = { initialMs: 100, maxMs: 1_000, multiplier: 2 };
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, policy, () => 0.5)), [50, 100, 200, 400, 500, 500]);
    assert.equal(backoffDelay(3, policy, () => 0), 0);
    assert.equal(backoffDelay(3, policy, () => 0.9999), 799);
    assert.equal(backoffDelay(60, policy, () => 0.9999), 999);
  });
});

describe('TaskWorker', () => {
  test('does each task once and gets every result confirmed', async (t) => {
    const { service, store, running, journal } = await contactFixture(t);
    const { worker, done } = recordingWorker(t, { address: running.address, clientId: 'alice' });
    const confirmed: number[] = [];
    worker.on('confirmed', (ids) => confirmed.push(...ids));
    void worker.start();
    await service.assign('alice', 'one');
    await service.assign('alice', 'two');
    await service.assign('bob', 'not for alice');
    await eventually('both results are on disk', () => store.pendingCount('alice') === 0);
    assert.deepEqual(await worker.stop(), { processed: 2, unconfirmed: [] });
    assert.deepEqual(done, [1, 2]);
    assert.deepEqual(confirmed, [1, 2]);
    const results = (await journal()).filter((entry) => entry.type === 'result');
    assert.deepEqual(results, [
      { type: 'result', client: 'alice', id: 1, ret: 'did one' },
      { type: 'result', client: 'alice', id: 2, ret: 'did two' },
    ]);
  });

  test('a lost acknowledgement is sent again, and the task it brings back is not done twice', async (t) => {
    const { service, store } = await contactFixture(t);
    let tellResultCalls = 0;
    const flaky = await startServer((server) =>
      server.addService(UnimplementedContactService.definition, {
        ...service.handlers,
        tellResult: (call: ServerReadableStream<Result, Empty>, callback: sendUnaryData<Empty>) => {
          if (++tellResultCalls === 1) callback(new RpcError(status.UNAVAILABLE, 'lost on the way'));
          else service.handlers.tellResult(call, callback);
        },
      } satisfies SomeHandlers<UnimplementedContactService>),
    );
    t.after(() => flaky.stop(100));
    // A short lease, so that a second stream comes soon and brings task 1 back.
    const { worker, done, retries } = recordingWorker(t, { address: flaky.address, clientId: 'alice', leaseMs: 300 });
    const failed: number[][] = [];
    const repeats: number[] = [];
    worker.on('acknowledgementFailed', (_error, ids) => failed.push(ids));
    worker.on('delivered', (task, repeat) => repeat && repeats.push(task.id));
    void worker.start();
    await service.assign('alice', 'one');
    await eventually('the result is on disk', () => store.pendingCount('alice') === 0);
    assert.deepEqual(done, [1]);
    assert.deepEqual(failed, [[1]]);
    assert.deepEqual(repeats, [1], 'the next stream brought task 1 back, and it was not done again');
    assert.deepEqual(retries, [], 'a lease that runs out is renewed at once, without backoff');
  });

  test('a lease that runs out is renewed at once, again and again', async (t) => {
    const { running } = await contactFixture(t);
    const { worker, retries } = recordingWorker(t, { address: running.address, clientId: 'alice', leaseMs: 300 });
    let streams = 0;
    worker.on('subscribed', () => streams++);
    void worker.start();
    await eventually('three streams have opened', () => streams >= 3);
    assert.deepEqual(retries, []);
  });

  test('a refusal that retrying cannot fix ends the worker at once', async (t) => {
    const { running } = await contactFixture(t);
    const { worker, retries } = recordingWorker(t, { address: running.address, clientId: 'no spaces allowed' });
    await assert.rejects(worker.start(), { code: status.INVALID_ARGUMENT });
    assert.deepEqual(retries, []);
  });

  test('a second worker with the same id takes over; the first ends ABORTED', async (t) => {
    const { running, service } = await contactFixture(t);
    const first = recordingWorker(t, { address: running.address, clientId: 'alice' });
    const firstRun = first.worker.start();
    await eventually('the first worker is subscribed', () => service.live().sessions === 1);
    const second = recordingWorker(t, { address: running.address, clientId: 'alice' });
    void second.worker.start();
    await assert.rejects(firstRun, (error: ServiceError) => {
      assert.deepEqual([error.code, error.details], [status.ABORTED, 'a newer getTask stream for alice replaced this one']);
      return true;
    });
    await service.assign('alice', 'one');
    await eventually('the second worker did the task', () => second.done.length === 1);
    assert.deepEqual(first.done, []);
  });

  test('with no server, it retries with backoff and gives up after maxRetries', async (t) => {
    const gone = await startServer(() => {});
    await gone.stop();
    const { worker, retries } = recordingWorker(t, { address: gone.address, clientId: 'alice', maxRetries: 2 });
    await assert.rejects(worker.start(), { code: status.UNAVAILABLE });
    assert.deepEqual(retries, ['UNAVAILABLE', 'UNAVAILABLE']);
  });

  test('stop() cuts a backoff wait short', async (t) => {
    const gone = await startServer(() => {});
    await gone.stop();
    const slow: BackoffPolicy = { initialMs: 60_000, maxMs: 60_000, multiplier: 2 };
    const { worker, retries } = recordingWorker(t, { address: gone.address, clientId: 'alice', backoff: slow, random: () => 0.5 });
    const run = worker.start();
    await eventually('the worker is waiting 30 s to retry', () => retries.length === 1);
    const before = Date.now();
    await worker.stop();
    await run;
    assert.ok(Date.now() - before < 5_000, `stop() took ${Date.now() - before} ms`);
  });

  test('a task without an id (from a server that predates the field) is refused: it could not be acknowledged', async (t) => {
    const original = await startServer((server) =>
      server.addService(UnimplementedContactService.definition, {
        getTask: (call: ServerWritableStream<Empty, ServerMsg>) => {
          call.write(new ServerMsg({ task: 'task from an original server' }));
        },
        tellResult: () => {},
        sendStatus: () => {},
      } satisfies UnimplementedContactService),
    );
    t.after(() => original.stop(0));
    const { worker, done } = recordingWorker(t, { address: original.address, clientId: 'alice' });
    await assert.rejects(worker.start(), {
      message: 'the server sent a task without an id ("task from an original server"): it cannot be acknowledged',
    });
    assert.deepEqual(done, []);
  });
});
