import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { credentials, status, type handleUnaryCall } from '@grpc/grpc-js';
import { CalClient } from '../../../generated/static/calculator.ts';
import { importExercise } from '../../shared/exercise.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { addCal, calHandlers } from '../calculator.ts';

const { dotProduct } = await importExercise<typeof import('./dot-product.ts')>(import.meta.url, 'dot-product.ts');

// The chapter's Cal, counting calls and checking that each carries a deadline.
const calls = { Add: 0, Multiply: 0, withoutDeadline: 0 };
function counted<Request, Reply>(name: 'Add' | 'Multiply', handler: handleUnaryCall<Request, Reply>): handleUnaryCall<Request, Reply> {
  return (call, callback) => {
    calls[name]++;
    if (call.getDeadline() === Infinity) calls.withoutDeadline++;
    handler(call, callback);
  };
}

let server: RunningServer;
let client: CalClient;
before(async () => {
  server = await startServer((s) => addCal(s, { Add: counted('Add', calHandlers.Add), Multiply: counted('Multiply', calHandlers.Multiply) }));
  client = new CalClient(server.address, credentials.createInsecure());
});
after(async () => {
  client.close();
  await server.stop();
});
beforeEach(() => Object.assign(calls, { Add: 0, Multiply: 0, withoutDeadline: 0 }));

test('[1, 2, 3] · [4, 5, 6] = 32, computed by the server', async () => {
  assert.equal(await dotProduct(client, [1, 2, 3], [4, 5, 6]), 32);
  assert.equal(calls.Multiply, 3);
  assert.ok(calls.Add >= 2, `expected the products to be summed with Add, saw ${calls.Add} Add calls`);
  assert.equal(calls.withoutDeadline, 0, 'every call needs a deadline');
});

test('negative numbers and zeros', async () => {
  assert.equal(await dotProduct(client, [-2, 0, 7], [3, 9, -1]), -13);
  assert.equal(calls.Multiply, 3);
});

test('empty vectors: 0, without a call', async () => {
  assert.equal(await dotProduct(client, [], []), 0);
  assert.equal(calls.Multiply + calls.Add, 0);
});

test('different lengths: RangeError before any call', async () => {
  await assert.rejects(dotProduct(client, [1, 2, 3], [1, 2]), (error: unknown) => {
    assert.ok(error instanceof RangeError);
    assert.match(error.message, /3 and 2/);
    return true;
  });
  assert.equal(calls.Multiply + calls.Add, 0);
});

test('an overflowing product or sum reaches the caller as OUT_OF_RANGE', async () => {
  await assert.rejects(dotProduct(client, [65536], [65536]), { code: status.OUT_OF_RANGE });
  await assert.rejects(dotProduct(client, [40000, 40000], [40000, 40000]), {
    code: status.OUT_OF_RANGE,
    details: '1600000000 + 1600000000 = 3200000000 does not fit in int32 (-2147483648 to 2147483647)',
  });
});
