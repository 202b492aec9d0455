import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Metadata, status } from '@grpc/grpc-js';
import { BinaryReader } from 'google-protobuf';
import { ClientMsg, Empty, Result, ServerMsg, type ContactClient } from '../../../generated/static/contact_service.ts';
import { deadlineIn } from '../../shared/client.ts';
import { startServer } from '../../shared/server.ts';
import { addTaskInbox, callBack } from '../both-ends-serve.ts';
import { clientIdMetadata, DEFAULT_CLIENT_ID } from '../client-id.ts';
import { contactFixture, watch } from './contact-fixture.ts';
import { eventually } from './eventually.ts';
import { reportStatuses } from '../worker/status-channel.ts';
import { TaskStore } from '../store/task-store.ts';

/** tellResult with `results` as [task_id, ret] pairs, in one call. */
function tellResults(client: ContactClient, metadata: Metadata, results: [number, string][]): Promise<void> {
  return new Promise((resolve, reject) => {
    const call = client.tellResult(metadata, { deadline: deadlineIn() }, (error) => (error ? reject(error) : resolve()));
    for (const [task_id, ret] of results) call.write(new Result({ task_id, ret }));
    call.end();
  });
}

const openGetTask = (client: ContactClient, metadata: Metadata, deadlineMs = 5_000) =>
  watch(client.getTask(new Empty(), metadata, { deadline: deadlineIn(deadlineMs) }));

describe('getTask: each client gets its own tasks', () => {
  test('in id order, pending ones first, new ones as they come; a broadcast reaches everyone under their own ids', async (t) => {
    const { client, service } = await contactFixture(t);
    await service.assign('alice', 'resize a.png');
    await service.assign('bob', 'transcode b.mp4');
    const alice = openGetTask(client, clientIdMetadata('alice'));
    const bob = openGetTask(client, clientIdMetadata('bob'));
    await eventually('both streams are open', () => service.live().sessions === 2);
    await service.assign('alice', 'resize c.png');
    const broadcast = await service.broadcast('rotate logs');
    assert.deepEqual([...broadcast].map(([who, task]) => [who, task.id]), [['alice', 3], ['bob', 2]]);
    await eventually('every task has arrived', () => alice.received.length === 3 && bob.received.length === 2);
    assert.deepEqual(alice.received, [[1, 'resize a.png'], [2, 'resize c.png'], [3, 'rotate logs']]);
    assert.deepEqual(bob.received, [[1, 'transcode b.mp4'], [2, 'rotate logs']]);
  });

  test('an unacknowledged task comes again on the next stream; an acknowledged one never does', async (t) => {
    const { client, service } = await contactFixture(t);
    for (const task of ['one', 'two', 'three']) await service.assign('alice', task);
    const alice = clientIdMetadata('alice');
    const first = client.getTask(new Empty(), alice, { deadline: deadlineIn(5_000) });
    const firstStream = watch(first);
    await eventually('three tasks arrived', () => firstStream.received.length === 3);
    first.cancel();
    await tellResults(client, alice, [[2, 'did two']]);
    const second = openGetTask(client, alice);
    await service.assign('alice', 'four');
    await eventually('the rest arrived', () => second.received.length === 3);
    assert.deepEqual(second.received, [[1, 'one'], [3, 'three'], [4, 'four']]);
  });

  test('a second stream for the same client replaces the first, which ends ABORTED', async (t) => {
    const { client, service } = await contactFixture(t);
    const first = openGetTask(client, clientIdMetadata('alice'));
    await eventually('the first stream is open', () => service.live().sessions === 1);
    const second = openGetTask(client, clientIdMetadata('alice'));
    const ended = await first.ended;
    assert.equal(ended?.code, status.ABORTED);
    assert.equal(ended?.details, 'a newer getTask stream for alice replaced this one');
    await service.assign('alice', 'only for the newest');
    await eventually('the task arrived', () => second.received.length === 1);
    assert.equal(service.live().sessions, 1);
    assert.deepEqual(first.received, []);
  });

  test('a malformed client-id is INVALID_ARGUMENT on every method', async (t) => {
    const { client } = await contactFixture(t);
    const bad = new Metadata();
    bad.set('client-id', 'alice smith');
    const twice = clientIdMetadata('alice');
    twice.add('client-id', 'bob');
    const expected: [Metadata, string][] = [
      [bad, `client-id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit; got "alice smith"`],
      // Two client-id fields, joined into one value by Node's http2 module (not by HTTP/2).
      [twice, `client-id must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit; got "alice, bob"`],
    ];
    for (const [metadata, details] of expected) {
      assert.deepEqual(
        await openGetTask(client, metadata).ended.then((error) => [error?.code, error?.details]),
        [status.INVALID_ARGUMENT, details],
      );
      await assert.rejects(tellResults(client, metadata, [[1, 'x']]), { code: status.INVALID_ARGUMENT, details });
      await assert.rejects(reportWith(client, metadata), { code: status.INVALID_ARGUMENT, details });
    }
  });
});

describe('a client that sends no client-id: the original tutorial\'s', () => {
  test(`is "${DEFAULT_CLIENT_ID}": it gets that queue's tasks, and its status is that client's`, async (t) => {
    const { client, service } = await contactFixture(t);
    await service.assign(DEFAULT_CLIENT_ID, 'resize a.png');
    await service.assign('alice', 'not for anonymous');
    const anonymous = openGetTask(client, new Metadata());
    await eventually('the task arrived', () => anonymous.received.length === 1);
    assert.deepEqual(anonymous.received, [[1, 'resize a.png']]);
    assert.deepEqual(await reportStatuses(client, DEFAULT_CLIENT_ID, ['online']), ['anonymous is "online"; 1 unacknowledged task']);
    await reportWith(client, new Metadata());
    assert.equal(service.statusOf(DEFAULT_CLIENT_ID), 'idle');
  });

  test('its results without task_id acknowledge its oldest pending tasks, in order; with none pending, NOT_FOUND', async (t) => {
    const { client, service, store } = await contactFixture(t);
    for (const task of ['one', 'two', 'three']) await service.assign(DEFAULT_CLIENT_ID, task);
    await tellResults(client, new Metadata(), [[0, 'got one'], [0, 'got two']]);
    assert.equal(store.nextPending(DEFAULT_CLIENT_ID, 0)?.task, 'three');
    await assert.rejects(tellResults(client, new Metadata(), [[0, 'got three'], [0, 'got four?']]), {
      code: status.NOT_FOUND,
      details: 'anonymous has no pending task for a Result without task_id (ret "got four?")',
    });
    assert.equal(store.pendingCount(DEFAULT_CLIENT_ID), 0, 'three was recorded before the refusal');
  });

  test('two clients without an id share one queue: a task goes to whichever stream is open', async (t) => {
    const { client, service } = await contactFixture(t);
    const first = openGetTask(client, new Metadata());
    await eventually('the first stream is open', () => service.live().sessions === 1);
    const second = openGetTask(client, new Metadata());
    assert.equal((await first.ended)?.details, 'a newer getTask stream for anonymous replaced this one');
    await service.assign(DEFAULT_CLIENT_ID, 'for whoever asked last');
    await eventually('the task arrived', () => second.received.length === 1);
    assert.deepEqual(first.received, []);
  });
});

/** sendStatus with raw metadata, for the refusals. */
function reportWith(client: ContactClient, metadata: Metadata): Promise<void> {
  return new Promise((resolve, reject) => {
    const call = client.sendStatus(metadata, { deadline: deadlineIn() });
    call.on('data', () => {});
    call.on('error', reject);
    call.on('end', resolve);
    call.end(new ClientMsg({ msg: 'idle' }));
  });
}

describe('getTask: server-side state ends with the stream', () => {
  test('a client that cancels leaves no session and no timer behind', async (t) => {
    const { client, service } = await contactFixture(t, { generateEveryMs: 10 });
    const call = client.getTask(new Empty(), clientIdMetadata('alice'), { deadline: deadlineIn(5_000) });
    const stream = watch(call);
    await eventually('two generated tasks arrived', () => stream.received.length >= 2);
    assert.deepEqual(service.live(), { sessions: 1, timers: 1 });
    call.cancel();
    assert.equal((await stream.ended)?.code, status.CANCELLED);
    await eventually('the server has cleaned up', () => service.live().sessions === 0);
    assert.deepEqual(service.live(), { sessions: 0, timers: 0 });
  });

  test('a stream past its deadline ends DEADLINE_EXCEEDED and is cleaned up the same way', async (t) => {
    const { client, service } = await contactFixture(t, { generateEveryMs: 60_000 });
    const stream = openGetTask(client, clientIdMetadata('alice'), 300);
    await eventually('the stream is open', () => service.live().sessions === 1);
    assert.equal((await stream.ended)?.code, status.DEADLINE_EXCEEDED);
    await eventually('the server has cleaned up', () => service.live().timers === 0);
    assert.deepEqual(service.live(), { sessions: 0, timers: 0 });
  });

  test('close() ends every stream with UNAVAILABLE and refuses new ones', async (t) => {
    const { client, service } = await contactFixture(t, { generateEveryMs: 60_000 });
    const alice = openGetTask(client, clientIdMetadata('alice'));
    await eventually('the stream is open', () => service.live().sessions === 1);
    service.close();
    const ended = await alice.ended;
    assert.deepEqual([ended?.code, ended?.details], [status.UNAVAILABLE, 'the server is shutting down; reconnect with backoff']);
    const late = await openGetTask(client, clientIdMetadata('bob')).ended;
    assert.equal(late?.code, status.UNAVAILABLE);
    await eventually('the server has cleaned up', () => service.live().timers === 0);
    assert.deepEqual(service.live(), { sessions: 0, timers: 0 });
  });
});

describe('tellResult', () => {
  test('the OK reply comes once the results are in the journal; a repeat keeps the first result', async (t) => {
    const { client, service, journal, journalPath } = await contactFixture(t);
    await service.assign('alice', 'one');
    await service.assign('alice', 'two');
    const alice = clientIdMetadata('alice');
    await tellResults(client, alice, [[2, 'did two']]);
    await tellResults(client, alice, [[2, 'did two again'], [1, 'did one']]);
    assert.deepEqual(await journal(), [
      { type: 'client', client: 'alice' },
      { type: 'task', client: 'alice', id: 1, task: 'one' },
      { type: 'task', client: 'alice', id: 2, task: 'two' },
      { type: 'result', client: 'alice', id: 2, ret: 'did two' },
      { type: 'result', client: 'alice', id: 1, ret: 'did one' },
    ]);
    const reopened = await TaskStore.open(journalPath);
    try {
      assert.deepEqual(reopened.counts(), { clients: 1, tasks: 2, results: 2 });
      assert.equal(reopened.pendingCount('alice'), 0);
    } finally {
      await reopened.close();
    }
  });

  test('task_id 0 (an original client) is INVALID_ARGUMENT, an unknown id NOT_FOUND; results before it are kept', async (t) => {
    const { client, service, store } = await contactFixture(t);
    await service.assign('alice', 'one');
    await service.assign('alice', 'two');
    const alice = clientIdMetadata('alice');
    await assert.rejects(tellResults(client, alice, [[0, 'which one?']]), {
      code: status.INVALID_ARGUMENT,
      details: 'Result.task_id is required (tasks are numbered from 1); got 0 with ret "which one?"',
    });
    await assert.rejects(tellResults(client, alice, [[1, 'did one'], [9, 'did nine']]), {
      code: status.NOT_FOUND,
      details: 'alice has no task 9 (its tasks are 1 to 2)',
    });
    await assert.rejects(tellResults(client, clientIdMetadata('bob'), [[1, 'did one']]), {
      code: status.NOT_FOUND,
      details: 'bob has no task 1 (it has no tasks)',
    });
    assert.equal(store.pendingCount('alice'), 1, 'task 1 was recorded before the refusal');
  });
});

describe('sendStatus', () => {
  test('answers each status in order, with how many tasks wait for that client', async (t) => {
    const { client, service } = await contactFixture(t);
    await service.assign('alice', 'one');
    assert.deepEqual(await reportStatuses(client, 'alice', ['idle', 'busy: resizing']), [
      'alice is "idle"; 1 unacknowledged task',
      'alice is "busy: resizing"; 1 unacknowledged task',
    ]);
    assert.equal(service.statusOf('alice'), 'busy: resizing');
    assert.deepEqual(await reportStatuses(client, 'bob', []), []);
  });

  test('an empty status is INVALID_ARGUMENT, after the answers to the ones before it', async (t) => {
    const { client } = await contactFixture(t);
    const answers: string[] = [];
    const ended = await new Promise<unknown>((resolve) => {
      const call = client.sendStatus(clientIdMetadata('alice'), { deadline: deadlineIn() });
      call.on('data', (result: Result) => answers.push(result.ret));
      call.on('error', resolve);
      call.on('end', () => resolve(null));
      for (const msg of ['idle', '  ', 'busy']) call.write(new ClientMsg({ msg }));
      call.end();
    });
    assert.deepEqual(answers, ['alice is "idle"; 0 unacknowledged tasks']);
    assert.deepEqual([(ended as { code: number }).code, (ended as { details: string }).details], [
      status.INVALID_ARGUMENT,
      'ClientMsg.msg must say something; got "  "',
    ]);
  });
});

describe('approach 1: both ends are servers', () => {
  test("TaskInbox.deliver runs on the client's server; once that is gone, calling back is UNAVAILABLE", async () => {
    const inbox = await startServer((server) => addTaskInbox(server, (task) => task.toUpperCase()));
    const task = new ServerMsg({ task: 'resize a.png', id: 7 });
    try {
      assert.deepEqual((await callBack(inbox.address, task)).toObject(), { ret: 'RESIZE A.PNG', task_id: 7 });
    } finally {
      await inbox.stop();
    }
    await assert.rejects(callBack(inbox.address, task), { code: status.UNAVAILABLE });
  });
});

test('an original client, which knows only ServerMsg.task, reads the new ServerMsg and skips the id', () => {
  const bytes = new ServerMsg({ task: 'resize a.png', id: 300 }).serialize();
  // What code generated from the original contact.proto does: field 1 is
  // task, and any field it does not know is skipped by its length or type.
  const reader = new BinaryReader(bytes);
  let task = '';
  const skipped: number[] = [];
  while (reader.nextField()) {
    if (reader.getFieldNumber() === 1) task = reader.readString();
    else {
      skipped.push(reader.getFieldNumber());
      reader.skipField();
    }
  }
  assert.equal(task, 'resize a.png');
  assert.deepEqual(skipped, [2]);
  // 0a 0c "resize a.png" is field 1 as before; 10 ac 02 is the new field 2, varint 300.
  assert.equal(Buffer.from(bytes).toString('hex'), '0a0c726573697a6520612e706e6710ac02');
});
