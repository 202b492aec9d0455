import assert from 'node:assert/strict';
import { Readable, Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { collect, messagesOf, TooManyMessagesError, writeWithBackpressure, type MessageReadable } from './streams.ts';

/** An object-mode Writable that holds two messages and finishes each write only when told to. */
function heldWritable() {
  const written: number[] = [];
  const pending: (() => void)[] = [];
  const stream = new Writable({
    objectMode: true,
    highWaterMark: 2,
    write(message: number, _encoding, done) {
      written.push(message);
      pending.push(() => done());
    },
  });
  // Finishing one write starts the next buffered one, which joins `pending`.
  const release = () => {
    while (pending.length > 0) pending.shift()!();
  };
  return { stream, written, release };
}

/** Whether `promise` has settled by the next turn of the event loop, and with what. */
async function settledSoon<T>(promise: Promise<T>): Promise<{ settled: false } | { settled: true; value: T }> {
  let outcome: { settled: false } | { settled: true; value: T } = { settled: false };
  void promise.then((value) => (outcome = { settled: true, value }));
  await nextTurn();
  return outcome;
}

describe('writeWithBackpressure', () => {
  test('resolves at once while the buffer has room, and after drain once it is full', async () => {
    const { stream, written, release } = heldWritable();
    let waits = 0;
    const countWait = () => waits++;
    assert.equal(await writeWithBackpressure(stream, 1, countWait), true);
    assert.equal(waits, 0);
    const second = writeWithBackpressure(stream, 2, countWait);
    assert.deepEqual(await settledSoon(second), { settled: false }, 'the buffer is full: it waits');
    assert.equal(waits, 1);
    release();
    assert.equal(await second, true);
    assert.deepEqual(written, [1, 2]);
    assert.equal(stream.listenerCount('drain'), 0, 'no listener is left behind');
    assert.equal(stream.listenerCount('close'), 0);
  });

  for (const [what, end] of [
    ['destroyed (a cancelled grpc-js server call is)', (stream: Writable) => stream.destroy()],
    ['told the call is over (a client call emits status)', (stream: Writable) => stream.emit('status', { code: 1 })],
    ['told the call is cancelled', (stream: Writable) => stream.emit('cancelled', 'cancelled')],
  ] as const) {
    test(`resolves false when the stream is ${what} while it waits`, async () => {
      const { stream } = heldWritable();
      await writeWithBackpressure(stream, 1);
      const waiting = writeWithBackpressure(stream, 2);
      end(stream);
      assert.equal(await waiting, false);
      assert.equal(stream.listenerCount('drain'), 0);
    });
  }

  test('does not write to a stream that is over, and says so', async () => {
    const ended = heldWritable();
    ended.stream.end();
    assert.equal(await writeWithBackpressure(ended.stream, 1), false);
    const cancelled = heldWritable();
    assert.equal(await writeWithBackpressure(Object.assign(cancelled.stream, { cancelled: true }), 1), false);
    assert.deepEqual([...ended.written, ...cancelled.written], []);
  });
});

describe('collect', () => {
  const numbers = (values: number[]) => Readable.from(values) as MessageReadable<number>;

  test('reads every message, in order, up to the limit', async () => {
    assert.deepEqual(await collect(numbers([3, 1, 2]), 3), [3, 1, 2]);
    assert.deepEqual(await collect(numbers([]), 0), []);
  });

  test('one message too many cancels the call and rejects naming the limit', async () => {
    let cancels = 0;
    const stream = Object.assign(numbers([1, 2, 3, 4]), { cancel: () => cancels++ });
    await assert.rejects(collect(stream, 2), (error: unknown) => {
      assert.ok(error instanceof TooManyMessagesError);
      assert.equal(error.limit, 2);
      assert.equal(error.message, 'the stream sent more than 2 messages; stopped reading and cancelled it');
      return true;
    });
    assert.equal(cancels, 1);
    stream.emit('error', new Error('CANCELLED, as grpc-js reports it')); // must not crash the process
  });

  test('a stream that cannot be cancelled is destroyed instead', async () => {
    const stream = numbers([1, 2, 3]);
    await assert.rejects(collect(stream, 1), TooManyMessagesError);
    assert.equal(stream.destroyed, true);
  });

  test('a stream that fails rejects with its error', async () => {
    const failing = new Readable({ objectMode: true, read() {} }) as MessageReadable<number>;
    failing.push(1);
    const collected = collect(failing, 10);
    failing.destroy(new Error('UNAVAILABLE'));
    await assert.rejects(collected, { message: 'UNAVAILABLE' });
  });
});

describe('messagesOf', () => {
  test('leaving the loop early leaves the stream open, with the rest still to read', async () => {
    const stream = Readable.from([1, 2, 3]) as MessageReadable<number>;
    const seen: number[] = [];
    for await (const message of messagesOf(stream)) {
      seen.push(message);
      if (message === 2) break;
    }
    assert.deepEqual(seen, [1, 2]);
    assert.equal(stream.destroyed, false);
    assert.deepEqual(await collect(stream, 5), [3]);
  });

  test('a stream destroyed while the loop waits ends the loop with an error', async () => {
    const stream = new Readable({ objectMode: true, read() {} }) as MessageReadable<number>;
    const loop = (async () => {
      for await (const _ of messagesOf(stream));
    })();
    stream.destroy();
    await assert.rejects(loop, { code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });
});
