import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client, credentials, status, type ServiceError } from '@grpc/grpc-js';
import type { Metric } from '../../../generated/proto-loader/pb/Metric.ts';
import { pb } from '../../../generated/static/outliers.ts';
import { deadlineIn } from '../../shared/client.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { runScript, startServerScript } from '../../shared/testing.ts';
import { CODEC_PATHS, type CodecPath } from '../bench/codec-paths.ts';
import { cpuMetrics } from '../model/original-dataset.ts';
import { batchesOf, OutliersCalls } from '../outliers-client.ts';
import { addOutliers, DEFAULT_MAX_MESSAGE_BYTES, outliersServerOptions } from '../outliers-service.ts';
import { encodeOutliersRequest } from '../codec/request-encoder.ts';

let server: RunningServer;
let calls: OutliersCalls;
before(async () => {
  server = await startServer(addOutliers, { serverOptions: outliersServerOptions });
  calls = new OutliersCalls(server.address);
});
after(async () => {
  calls.close();
  await server.stop();
});

const ORIGINAL_ANSWER = [7, 113, 835];
/** For the calls that move megabytes or thousands of messages: generous, because test machines get busy. */
const patiently = () => ({ deadline: deadlineIn(20_000) });

describe("the original client's request", () => {
  test('1,000 CPU readings → [7, 113, 835]', async () => {
    assert.deepEqual(await calls.detect({ metrics: cpuMetrics() }), ORIGINAL_ANSWER);
  });

  async function detectWith<Request>(path: CodecPath<Request>, address: string): Promise<number[]> {
    const client = path.open(address);
    try {
      return await client.detect(path.buildRequest(cpuMetrics()), { deadline: deadlineIn() });
    } finally {
      client.close();
    }
  }

  for (const path of CODEC_PATHS) {
    test(`${path.name}: its client gets the same answer from this server and from its own`, async () => {
      const own = await startServer((s) => path.addService(s));
      try {
        assert.deepEqual(await detectWith(path, server.address), ORIGINAL_ANSWER);
        assert.deepEqual(await detectWith(path, own.address), ORIGINAL_ANSWER);
      } finally {
        await own.stop();
      }
    });
  }
});

describe('Detect: edge cases', () => {
  const metrics = cpuMetrics(10);
  const detect = (request: Metric[]) => calls.detect({ metrics: request });
  const withValue = (index: number, value: number) => metrics.map((m, i) => (i === index ? { ...m, value } : m));

  test('no metrics, one metric, all equal: no outliers', async () => {
    assert.deepEqual(await detect([]), []);
    assert.deepEqual(await detect(metrics.slice(0, 1)), []);
    assert.deepEqual(await detect(metrics.map((m) => ({ ...m, value: 0.1 }))), []);
  });

  test('NaN and infinite values: INVALID_ARGUMENT naming the index', async () => {
    await assert.rejects(detect(withValue(3, NaN)), { code: status.INVALID_ARGUMENT, details: 'metrics[3].value is NaN; values must be finite numbers' });
    await assert.rejects(detect(withValue(9, -Infinity)), { code: status.INVALID_ARGUMENT, details: 'metrics[9].value is -Infinity; values must be finite numbers' });
  });

  test('a timestamp out of range: INVALID_ARGUMENT naming the index; no timestamp: allowed', async () => {
    const badNanos = metrics.map((m, i) => (i === 2 ? { ...m, time: { ...m.time, nanos: 1_000_000_000 } } : m));
    await assert.rejects(detect(badNanos), { code: status.INVALID_ARGUMENT, details: 'metrics[2].time.nanos is 1000000000, outside 0 to 999999999' });
    const badSeconds = metrics.map((m, i) => (i === 4 ? { ...m, time: { seconds: 253402300800 } } : m));
    await assert.rejects(detect(badSeconds), { code: status.INVALID_ARGUMENT, details: /^metrics\[4\]\.time\.seconds is 253402300800, outside/ });
    assert.deepEqual(await detect(cpuMetrics().map(({ name, value }) => ({ name, value }))), ORIGINAL_ANSWER);
  });

  test('two names: each judged on its own, positions in the whole request', async () => {
    const memory = Array.from({ length: 20 }, (_, i) => ({ name: 'Memory', value: i === 4 ? 9.1e9 : 2e9 + i * 1e6 }));
    assert.deepEqual(await detect([...cpuMetrics(20), ...memory]), [7, 24]);
  });

  test('malformed bytes: INVALID_ARGUMENT with what and where, and the server lives on', async () => {
    const raw = new Client(server.address, credentials.createInsecure());
    try {
      const send = (bytes: Buffer) =>
        new Promise<pb.OutliersResponse>((resolve, reject) => {
          raw.makeUnaryRequest('/pb.Outliers/Detect', (b: Buffer) => b, pb.OutliersResponse.deserialize, bytes, { deadline: deadlineIn() }, (error, reply) =>
            error ? reject(error) : resolve(reply!),
          );
        });
      await assert.rejects(send(Buffer.from([0x0a, 0x05, 0x19])), {
        code: status.INVALID_ARGUMENT,
        details: 'malformed OutliersRequest at byte 1: a field of 5 bytes runs past the end of its message (byte 3)',
      });
      assert.deepEqual((await send(encodeOutliersRequest({ metrics: cpuMetrics() }))).indices, ORIGINAL_ANSWER);
    } finally {
      raw.close();
    }
  });
});

describe('the 4 MiB default limit on a received message', () => {
  let limited: RunningServer;
  before(async () => {
    limited = await startServer(addOutliers);
  });
  after(() => limited.stop());

  // 174,762 metrics of 24 bytes are 4,194,288 bytes; a longer first name makes up the rest
  // (and puts metric 0 in a group of its own, which changes no answer).
  const base = cpuMetrics(174_762);
  const exactly = (bytes: number) => {
    const metrics: Metric[] = [...base];
    metrics[0] = { ...base[0], name: 'CPU'.padEnd(3 + bytes - 4_194_288, '!') };
    const request = { metrics };
    assert.equal(encodeOutliersRequest(request).length, bytes);
    return request;
  };

  test('a request of exactly 4,194,304 bytes is accepted; one byte more is RESOURCE_EXHAUSTED', async () => {
    const toLimited = new OutliersCalls(limited.address);
    try {
      assert.deepEqual(await toLimited.detect(exactly(DEFAULT_MAX_MESSAGE_BYTES), patiently()), ORIGINAL_ANSWER);
      await assert.rejects(toLimited.detect(exactly(DEFAULT_MAX_MESSAGE_BYTES + 1), patiently()), {
        code: status.RESOURCE_EXHAUSTED,
        details: 'Received message larger than max (4194305 vs 4194304)',
      });
      assert.deepEqual(await calls.detect(exactly(DEFAULT_MAX_MESSAGE_BYTES + 1), patiently()), ORIGINAL_ANSWER, 'the raised limit accepts it');
      const batches = batchesOf(exactly(DEFAULT_MAX_MESSAGE_BYTES + 1).metrics, 50_000);
      assert.deepEqual(await toLimited.detectStream(batches, patiently()), ORIGINAL_ANSWER, 'and so do batches');
    } finally {
      toLimited.close();
    }
  });
});

describe('DetectStream', () => {
  test('agrees with Detect, whatever the batch size, and indices count across batches', async () => {
    const random = seededRandom(7);
    const names = ['CPU', 'Memory', 'Disk'];
    const metrics = cpuMetrics(3_000).map((metric) => {
      const name = names[Math.floor(random() * 3)];
      return { ...metric, name, value: name === 'CPU' ? metric.value : random() * 1e3 + (random() < 0.01 ? 1e4 : 0) };
    });
    const expected = await calls.detect({ metrics });
    assert.ok(expected.length > 10, `a test with ${expected.length} outliers checks little`);
    for (const batchSize of [1, 7, 1_000, 2_999, 3_000, 10_000]) {
      assert.deepEqual(await calls.detectStream(batchesOf(metrics, batchSize), patiently()), expected, `batches of ${batchSize}`);
    }
  });

  test('the generated static client can call it too: batches are plain OutliersRequests', async () => {
    const client = new pb.OutliersClient(server.address, credentials.createInsecure());
    try {
      const reply = await new Promise<pb.OutliersResponse>((resolve, reject) => {
        const call = client.DetectStream({ deadline: deadlineIn() }, (error: ServiceError | null, response?: pb.OutliersResponse) =>
          error ? reject(error) : resolve(response!),
        );
        const metrics = cpuMetrics();
        for (let start = 0; start < 1000; start += 300) {
          call.write(pb.OutliersRequest.fromObject({ metrics: metrics.slice(start, start + 300) }));
        }
        call.end();
      });
      assert.deepEqual(reply.indices, ORIGINAL_ANSWER);
    } finally {
      client.close();
    }
  });

  test('a server that does not serve it (the static-stubs path registers Detect only) answers UNIMPLEMENTED', async () => {
    const detectOnly = await startServer((s) => CODEC_PATHS[0].addService(s));
    const toDetectOnly = new OutliersCalls(detectOnly.address);
    try {
      await assert.rejects(toDetectOnly.detectStream(batchesOf(cpuMetrics(), 500)), { code: status.UNIMPLEMENTED });
      assert.deepEqual(await toDetectOnly.detect({ metrics: cpuMetrics() }), ORIGINAL_ANSWER);
    } finally {
      toDetectOnly.close();
      await detectOnly.stop();
    }
  });

  test('an empty stream: no outliers', async () => {
    assert.deepEqual(await calls.detectStream([]), []);
  });

  test('a bad value names its batch and its place in the batch', async () => {
    const metrics = cpuMetrics(3_000).map((m, i) => (i === 2_005 ? { ...m, value: NaN } : m));
    await assert.rejects(calls.detectStream(batchesOf(metrics, 1_000)), {
      code: status.INVALID_ARGUMENT,
      details: 'batch 2 (from stream position 2000): metrics[5].value is NaN; values must be finite numbers',
    });
  });

  test('past the cap on metrics per stream: RESOURCE_EXHAUSTED naming the cap', async () => {
    const capped = await startServer((s) => addOutliers(s, 2_500));
    const toCapped = new OutliersCalls(capped.address);
    try {
      await assert.rejects(toCapped.detectStream(batchesOf(cpuMetrics(3_000), 1_000)), {
        code: status.RESOURCE_EXHAUSTED,
        details: 'batch 2 (from stream position 2000): a stream may carry at most 2,500 metrics; this batch brings it to 3,000',
      });
      assert.deepEqual(await toCapped.detectStream(batchesOf(cpuMetrics(2_500), 1_000)), ORIGINAL_ANSWER);
    } finally {
      toCapped.close();
      await capped.stop();
    }
  });
});

test('split run: the client half gets [7, 113, 835] and exits 0; Ctrl-C stops the server', async () => {
  const serverProcess = await startServerScript('chapters/07-metrics-outliers/server.ts');
  const client = await runScript('chapters/07-metrics-outliers/client.ts', ['--addr', serverProcess.address]);
  const stopped = await serverProcess.interrupt();
  assert.equal(client.code, 0, client.stderr);
  assert.match(client.stdout, /outliers at: \[7, 113, 835\]; 3 requests refused as intended \(INVALID_ARGUMENT, INVALID_ARGUMENT, INVALID_ARGUMENT\)/);
  assert.equal(client.stdout.match(/← \{"indices":\[7,113,835\]\}/g)?.length, 2);
  assert.equal(stopped.code, 0, stopped.stderr);
  assert.match(stopped.stdout, /stopped\n$/);
});

test('split run: with no server there, the client stops at its first call and exits 1 with UNAVAILABLE', async () => {
  const stopped = await startServerScript('chapters/07-metrics-outliers/server.ts');
  await stopped.interrupt(); // its port is now free and nothing listens on it
  const client = await runScript('chapters/07-metrics-outliers/client.ts', ['--addr', stopped.address]);
  assert.equal(client.code, 1);
  assert.match(client.stderr, /client failed: UNAVAILABLE \(14\)/);
  assert.equal(client.stdout.match(/→/g)?.length, 1, client.stdout);
});
