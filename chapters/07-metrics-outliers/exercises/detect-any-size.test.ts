import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { ServerInterceptingCall, type ServerInterceptor } from '@grpc/grpc-js';
import type { Metric } from '../../../generated/proto-loader/pb/Metric.ts';
import { importExercise } from '../../shared/exercise.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { cpuMetrics } from '../model/original-dataset.ts';
import { OutliersCalls } from '../outliers-client.ts';
import { outliersHandlers, outliersService } from '../outliers-service.ts';

const { detectAnySize } = await importExercise<typeof import('./detect-any-size.ts')>(import.meta.url, 'detect-any-size.ts');

const LIMIT = 64 * 1024;

// The chapter's service behind a 64 KiB limit, noting the method and size of every message it receives.
const received: { method: string; bytes: number }[] = [];
const recording = (method: 'Detect' | 'DetectStream') => ({
  ...outliersService[method],
  requestDeserialize: (bytes: Buffer) => {
    received.push({ method, bytes: bytes.length });
    return bytes;
  },
});

// And the deadline of every call (Infinity: none), which the starter says every call carries.
const deadlines: number[] = [];
const noteDeadline: ServerInterceptor = (_method, call) => {
  deadlines.push(Number(call.getDeadline()));
  return new ServerInterceptingCall(call);
};

let server: RunningServer;
let calls: OutliersCalls;
before(async () => {
  server = await startServer((s) => s.addService({ Detect: recording('Detect'), DetectStream: recording('DetectStream') }, outliersHandlers()), {
    serverOptions: { 'grpc.max_receive_message_length': LIMIT, interceptors: [noteDeadline] },
  });
  calls = new OutliersCalls(server.address);
});
after(async () => {
  calls.close();
  await server.stop();
});
beforeEach(() => {
  received.length = 0;
  deadlines.length = 0;
});
afterEach(() => {
  assert.ok(deadlines.length > 0 && deadlines.every(Number.isFinite), `every call carries a deadline; the deadlines seen: ${deadlines.join(', ')}`);
});

test('a request that fits: one Detect call', async () => {
  assert.deepEqual(await detectAnySize(calls, cpuMetrics(1_000), LIMIT), [7, 113, 835]);
  assert.deepEqual(received, [{ method: 'Detect', bytes: 24_000 }]);
});

test('240,000 bytes against a 65,536-byte limit: DetectStream, every batch within the limit', async () => {
  assert.deepEqual(await detectAnySize(calls, cpuMetrics(10_000), LIMIT), [7, 113, 835]);
  assert.ok(received.length >= 4, `${received.length} messages cannot carry 240,000 bytes in batches of 65,536`);
  assert.ok(received.every(({ method, bytes }) => method === 'DetectStream' && bytes <= LIMIT), JSON.stringify(received));
  assert.equal(received.reduce((sum, { bytes }) => sum + bytes, 0), 240_000, 'every metric sent once');
});

test('long names: batches are cut by bytes, not by a count of metrics', async () => {
  // Every tenth metric has a 2,000-character name: a batch size worked out
  // from the average would overflow the limit wherever they bunch up.
  const metrics: Metric[] = cpuMetrics(6_000).map((m, i) => (i % 10 === 3 || (i > 4_000 && i < 4_040) ? { ...m, name: `CPU ${'·'.repeat(1_000)}` } : m));
  const indices = await detectAnySize(calls, metrics, LIMIT);
  assert.deepEqual(indices, [7, 113, 835]);
  assert.ok(received.every(({ method, bytes }) => method === 'DetectStream' && bytes <= LIMIT), JSON.stringify(received));
});
