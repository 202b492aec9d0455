import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { importExercise } from '../../shared/exercise.ts';

const { listeningAddress } = await importExercise<typeof import('./listening-address.ts')>(import.meta.url, 'listening-address.ts');

const LINE = 'Python server (Grüße, pb.Outliers) listening on 127.0.0.1:40453 (Ctrl-C to stop)\n';

/** Has `promise` settled yet? (Lets pending callbacks run first.) */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

test('reads the address from the line a server prints', async () => {
  const output = new PassThrough();
  const address = listeningAddress(output, 5_000);
  output.end(`starting\n${LINE}`);
  assert.equal(await address, '127.0.0.1:40453');
});

test('the output may arrive in chunks split anywhere, even inside a character', async () => {
  const bytes = Buffer.from(LINE);
  for (let cut = 1; cut < bytes.length; cut++) {
    const output = new PassThrough();
    const address = listeningAddress(output, 5_000);
    output.write(bytes.subarray(0, cut));
    output.end(bytes.subarray(cut));
    assert.equal(await address, '127.0.0.1:40453', `split after byte ${cut}`);
  }
});

test('waits for the blank after the address: until then the port may be cut short', async () => {
  const output = new PassThrough();
  const address = listeningAddress(output, 5_000);
  output.write('listening on [::1]:5005');
  assert.equal(await settled(address), false, 'resolved before the address was complete');
  output.write('1 (Ctrl-C to stop)\n');
  assert.equal(await address, '[::1]:50051');
  output.end();
});

test('output that ends first is an error that shows what was read', async () => {
  const output = new PassThrough();
  const address = listeningAddress(output, 5_000);
  output.end('Traceback (most recent call last):\nModuleNotFoundError: No module named numpy\n');
  await assert.rejects(address, (error: unknown) => error instanceof Error && error.message.includes('No module named numpy'));
});

test('silence is an error after timeoutMs, showing what was read', async () => {
  const output = new PassThrough();
  const started = Date.now();
  const address = listeningAddress(output, 100);
  output.write('still importing grpc');
  await assert.rejects(address, (error: unknown) => error instanceof Error && error.message.includes('still importing grpc'));
  const waited = Date.now() - started;
  assert.ok(waited >= 90 && waited < 5_000, `gave up after ${waited} ms`);
});
