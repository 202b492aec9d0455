import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { status } from '@grpc/grpc-js';
import { Journal } from '../store/journal.ts';
import { TaskStore } from '../store/task-store.ts';

async function freshPath(t: TestContext): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'grpc-workbook-05-journal-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  return join(folder, 'nested', 'journal.jsonl');
}

const asNumber = (value: unknown): number => {
  if (typeof value !== 'number') throw new Error(`not a number: ${JSON.stringify(value)}`);
  return value;
};

describe('Journal', () => {
  test('records come back in order after a reopen, including 200 appended at once', async (t) => {
    const path = await freshPath(t);
    const first = await Journal.open(path, asNumber);
    assert.deepEqual(first.records, []);
    const numbers = Array.from({ length: 200 }, (_, i) => i);
    await Promise.all(numbers.map((n) => first.journal.append(n)));
    // Group commit: appended in the same tick, all 200 share one write and one fsync.
    assert.equal(first.journal.flushes, 1);
    await Promise.all([first.journal.append(200), first.journal.append(201)]);
    assert.equal(first.journal.flushes, 2);
    await first.journal.close();
    await assert.rejects(first.journal.append(202), /is closed/);
    const second = await Journal.open(path, asNumber);
    try {
      assert.deepEqual(second.records, [...numbers, 200, 201]);
    } finally {
      await second.journal.close();
    }
  });

  test('a torn last line (a write the process never finished) is cut off, and appending carries on cleanly', async (t) => {
    const path = await freshPath(t);
    const { journal } = await Journal.open(path, asNumber);
    await journal.append(1);
    await journal.close();
    await appendFile(path, '2\n3'); // "3" never got its newline
    const reopened = await Journal.open(path, asNumber);
    assert.deepEqual(reopened.records, [1, 2]);
    await reopened.journal.append(4);
    await reopened.journal.close();
    assert.equal(await readFile(path, 'utf8'), '1\n2\n4\n');
  });

  test('a damaged line before the end stops the start, naming the line', async (t) => {
    const path = await freshPath(t);
    await Journal.open(path, asNumber).then(({ journal }) => journal.close());
    await writeFile(path, '1\n{"oops"\n3\n');
    await assert.rejects(Journal.open(path, asNumber), (error: Error) => {
      assert.match(error.message, /journal\.jsonl line 2 is damaged \(.*JSON.*\); refusing to start on a journal it cannot trust$/);
      return true;
    });
    await writeFile(path, '1\n"two"\n');
    await assert.rejects(Journal.open(path, asNumber), /line 2 is damaged \(not a number: "two"\)/);
  });
});

describe('TaskStore', () => {
  test('queues, ids and results survive a reopen; ids carry on where they stopped', async (t) => {
    const path = await freshPath(t);
    const store = await TaskStore.open(path);
    assert.deepEqual(await store.addTask('alice', 'one'), { id: 1, task: 'one' });
    assert.deepEqual(await store.addTask('alice', 'two'), { id: 2, task: 'two' });
    assert.deepEqual(await store.addTask('bob', 'three'), { id: 1, task: 'three' });
    await store.addClient('carol');
    assert.equal(await store.recordResult('alice', 1, 'did one'), 'recorded');
    assert.equal(await store.recordResult('alice', 1, 'did one again'), 'already recorded');
    await store.close();

    const reopened = await TaskStore.open(path);
    try {
      assert.deepEqual(reopened.counts(), { clients: 3, tasks: 3, results: 1 });
      assert.deepEqual(reopened.clients(), ['alice', 'bob', 'carol']);
      assert.equal(reopened.nextPending('alice', 0)?.id, 2);
      assert.equal(reopened.nextPending('alice', 2), undefined);
      assert.deepEqual(await reopened.addTask('alice', 'four'), { id: 3, task: 'four' });
      await assert.rejects(reopened.recordResult('alice', 4, 'x'), {
        code: status.NOT_FOUND,
        details: 'alice has no task 4 (its tasks are 1 to 3)',
      });
      await assert.rejects(reopened.recordResult('carol', 1, 'x'), { code: status.NOT_FOUND, details: 'carol has no task 1 (it has no tasks)' });
    } finally {
      await reopened.close();
    }
  });

  test('concurrent additions get distinct ids, in the order they were asked for', async (t) => {
    const store = await TaskStore.open(await freshPath(t));
    try {
      const tasks = await Promise.all(['a', 'b', 'c', 'd'].map((task) => store.addTask('alice', task)));
      assert.deepEqual(tasks, [
        { id: 1, task: 'a' },
        { id: 2, task: 'b' },
        { id: 3, task: 'c' },
        { id: 4, task: 'd' },
      ]);
    } finally {
      await store.close();
    }
  });
});
