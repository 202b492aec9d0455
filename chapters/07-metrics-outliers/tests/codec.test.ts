// The hand-tuned codec against the generated ones, on random requests, and
// the decoder against bytes no encoder would write.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { BinaryWriter } from 'google-protobuf';
import type { ProtoGrpcType as OutliersProto } from '../../../generated/proto-loader/outliers.ts';
import type { Metric } from '../../../generated/proto-loader/pb/Metric.ts';
import { pb } from '../../../generated/static/outliers.ts';
import { loadProto } from '../../shared/proto-loader.ts';
import { RpcError } from '../../shared/rpc-error.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import type { MetricColumns } from '../model/metric-columns.ts';
import { cpuMetrics, toStaticRequest } from '../model/original-dataset.ts';
import { decodeOutliersRequest, MAX_METRICS_PER_MESSAGE, MAX_SECONDS, MIN_SECONDS } from '../codec/request-decoder.ts';
import { encodeOutliersRequest } from '../codec/request-encoder.ts';

const loader = loadProto<OutliersProto>('outliers.proto').pb.OutliersRequest;

const NAMES = ['CPU', 'cpu', '', 'Grüße 👋', 'x'.repeat(200)];
const VALUES = [0, -0, 1, -1.5, 97.3, 1e-300, -1e300, Number.MAX_VALUE, Number.MIN_VALUE];

/** A random request: times absent or anywhere in range, names from a small set, values awkward or random. */
function randomMetrics(random: () => number): Metric[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  return Array.from({ length: Math.floor(random() * 40) }, () => ({
    time:
      random() < 0.2
        ? null
        : { seconds: Math.floor(MIN_SECONDS + random() * (MAX_SECONDS - MIN_SECONDS)), nanos: random() < 0.5 ? 0 : Math.floor(random() * 1e9) },
    name: pick(NAMES),
    value: random() < 0.5 ? pick(VALUES) : (random() - 0.5) * 10 ** Math.floor(random() * 20),
  }));
}

/** What a metric list means, in the form the generated classes' toObject() gives. */
function expected(metrics: Metric[]) {
  return metrics.map(({ time, name, value }) => ({
    ...(time ? { time: { seconds: Number(time.seconds), nanos: time.nanos ?? 0 } } : {}),
    name: name ?? '',
    value: Number(value ?? 0),
  }));
}

const columns = (bytes: Uint8Array): MetricColumns => decodeOutliersRequest(bytes);

/** The refusal that decoding `bytes` throws, or null if they decode. */
function refusalOf(bytes: Uint8Array, maxMetrics?: number): RpcError | null {
  try {
    decodeOutliersRequest(bytes, maxMetrics);
    return null;
  } catch (error) {
    assert.ok(error instanceof RpcError, `expected an RpcError, got ${String(error)}`);
    return error;
  }
}

function refusal(bytes: Uint8Array): string {
  const refused = refusalOf(bytes);
  assert.ok(refused, 'expected a refusal');
  assert.equal(refused.code, status.INVALID_ARGUMENT);
  return refused.details;
}

const namesOf = ({ nameIds, names }: MetricColumns) => Array.from(nameIds, (id) => names[id]);

describe('the hand-tuned codec agrees with the generated ones', () => {
  test('the encoder: google-protobuf and protobuf.js read back what it wrote, on 300 random requests', () => {
    const random = seededRandom(1);
    for (let round = 0; round < 300; round++) {
      const metrics = randomMetrics(random);
      const bytes = encodeOutliersRequest({ metrics });
      const viaStatic = pb.OutliersRequest.deserialize(bytes).toObject().metrics ?? [];
      assert.deepEqual(
        viaStatic.map(({ time, name, value }) => ({ ...(time ? { time: { seconds: time.seconds ?? 0, nanos: time.nanos ?? 0 } } : {}), name, value })),
        expected(metrics),
      );
      const viaLoader = loader.deserialize(bytes).metrics;
      assert.deepEqual(viaLoader.map(({ value }) => value), expected(metrics).map(({ value }) => value));
      assert.deepEqual(viaLoader.map(({ time }) => time?.seconds ?? null), metrics.map(({ time }) => (time ? String(time.seconds) : null)));
    }
  });

  test('the decoder: reads what google-protobuf and protobuf.js write, on 300 random requests', () => {
    const random = seededRandom(2);
    for (let round = 0; round < 300; round++) {
      const metrics = randomMetrics(random);
      const want = expected(metrics);
      const staticBytes = pb.OutliersRequest.fromObject({ metrics: want }).serialize();
      // protobuf.js writes fields it is given even when they hold the default.
      const loaderBytes = loader.serialize({ metrics });
      // google-protobuf leaves out a -0 (it tests value != 0), so it arrives as 0.
      for (const [bytes, zero] of [[staticBytes, 0], [loaderBytes, -0]] as const) {
        const decoded = columns(bytes);
        assert.deepEqual(Array.from(decoded.values), want.map(({ value }) => (Object.is(value, -0) ? zero : value)));
        assert.deepEqual(namesOf(decoded), want.map(({ name }) => name));
      }
    }
  });

  test('on the original request, all three encoders write the same 24,000 bytes', () => {
    const metrics = cpuMetrics();
    const hand = encodeOutliersRequest({ metrics });
    assert.equal(hand.length, 24_000);
    assert.deepEqual(hand, Buffer.from(toStaticRequest(metrics).serialize()));
    assert.deepEqual(hand, loader.serialize({ metrics }));
  });

  test('names are numbered in order of first appearance', () => {
    const decoded = columns(encodeOutliersRequest({ metrics: [{ name: 'b' }, { name: 'a' }, { name: 'b' }, {}, { name: 'a' }] }));
    assert.deepEqual(decoded.names, ['b', 'a', '']);
    assert.deepEqual(Array.from(decoded.nameIds), [0, 1, 0, 2, 1]);
  });
});

describe('the decoder and bytes no encoder would write', () => {
  const sample = encodeOutliersRequest({ metrics: cpuMetrics(3) });

  test('unknown fields are skipped at every level, as a newer client may send them', () => {
    const writer = new BinaryWriter();
    writer.writeString(9, 'from a newer client'); // OutliersRequest field 9
    writer.writeMessage(1, {}, () => {
      writer.writeMessage(1, {}, () => {
        writer.writeInt64(1, 1590156791);
        writer.writeFixed32(3, 7); // Timestamp field 3
      });
      writer.writeString(2, 'CPU');
      writer.writeUint64(4, 12345); // Metric fields 4 to 6
      writer.writeFixed64(5, 1);
      writer.writeFloat(6, 1.5);
      writer.writeDouble(3, 97.3);
    });
    const decoded = columns(writer.getResultBuffer());
    assert.deepEqual(Array.from(decoded.values), [97.3]);
    assert.deepEqual(decoded.names, ['CPU']);
  });

  test('every truncation is a refusal naming the byte, or a shorter request (cut between metrics)', () => {
    for (let length = 0; length < sample.length; length++) {
      const cut = sample.subarray(0, length);
      if (length % 24 === 0) assert.equal(columns(cut).values.length, length / 24);
      else assert.match(refusal(cut), /^malformed OutliersRequest at byte \d+( \(in metrics\[\d\]\))?: .* runs past the end/);
    }
  });

  test('random corruption never crashes the decoder: 5,000 mutated requests', () => {
    const random = seededRandom(3);
    for (let round = 0; round < 5_000; round++) {
      const bytes = Buffer.from(sample);
      for (let flips = 1 + Math.floor(random() * 4); flips > 0; flips--) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const refused = refusalOf(bytes);
      if (refused) assert.equal(refused.code, status.INVALID_ARGUMENT);
      else {
        const decoded = columns(bytes);
        assert.ok(decoded.values.length <= 3 * 24 && decoded.nameIds.length === decoded.values.length);
      }
    }
  });

  test('exact messages for malformed bytes', () => {
    assert.equal(refusal(Uint8Array.from([0x0a, 0x05, 0x19])), 'malformed OutliersRequest at byte 1: a field of 5 bytes runs past the end of its message (byte 3)');
    assert.equal(refusal(Uint8Array.from([0x0a, 0x02, 0x18, 0x01])), 'malformed OutliersRequest at byte 2 (in metrics[0]): Metric.value (field 3) cannot have wire type 0');
    assert.equal(refusal(Uint8Array.from([0x0a, 0x07, 0x0a, 0x05, 0x15, 0, 0, 0, 0])), 'malformed OutliersRequest at byte 4 (in metrics[0]): Timestamp.nanos (field 2) cannot have wire type 5');
    assert.equal(refusal(Uint8Array.from([0x0b])), 'malformed OutliersRequest at byte 0: OutliersRequest.metrics (field 1) cannot have wire type 3');
    assert.equal(refusal(Uint8Array.from([0x23])), 'malformed OutliersRequest at byte 1: wire type 3 is not one proto3 writes');
    assert.equal(refusal(Uint8Array.from([0x00])), 'malformed OutliersRequest at byte 0: field number 0 does not exist');
    assert.equal(refusal(Uint8Array.from([0x0e])), 'malformed OutliersRequest at byte 0: wire type 6 does not exist');
    assert.equal(refusal(Uint8Array.from([0x0a, 0x03, 0x19, 0x00, 0x00])), 'malformed OutliersRequest at byte 3 (in metrics[0]): a value of 8 bytes runs past the end of its message');
    assert.equal(refusal(Uint8Array.from([0x0a, 0x0b, ...Array(11).fill(0xff)])), 'malformed OutliersRequest at byte 2 (in metrics[0]): varint overflows 64 bits');
    assert.equal(refusal(Uint8Array.from([0x0a, 0x03, 0x12, 0x01, 0xff])), 'malformed OutliersRequest at byte 4 (in metrics[0]): string is not valid UTF-8');
  });

  test('more metrics than the cap: RESOURCE_EXHAUSTED before the columns are allocated', () => {
    const empty = Uint8Array.from({ length: 2 * 1_001 }, (_, i) => (i % 2 === 0 ? 0x0a : 0x00)); // 1,001 empty metrics
    assert.equal(columns(empty).values.length, 1_001);
    const refused = refusalOf(empty, 1_000);
    assert.ok(refused);
    assert.equal(refused.code, status.RESOURCE_EXHAUSTED);
    assert.equal(refused.details, 'a message may carry at most 1,000 metrics; this one has 1,001');
    assert.equal(MAX_METRICS_PER_MESSAGE, 10_000_000);
  });

  test('timestamps: the documented range is accepted, anything outside refused naming the metric', () => {
    const at = (time: { seconds: number | string; nanos?: number }) => encodeOutliersRequest({ metrics: [{ value: 1 }, { time, value: 2 }] });
    assert.equal(columns(at({ seconds: MIN_SECONDS })).values.length, 2);
    assert.equal(columns(at({ seconds: MAX_SECONDS, nanos: 999_999_999 })).values.length, 2);
    assert.equal(refusal(at({ seconds: 0, nanos: 1e9 })), 'metrics[1].time.nanos is 1000000000, outside 0 to 999999999');
    assert.equal(refusal(at({ seconds: 0, nanos: -1 })), 'metrics[1].time.nanos is -1, outside 0 to 999999999');
    assert.equal(
      refusal(at({ seconds: MAX_SECONDS + 1 })),
      'metrics[1].time.seconds is 253402300800, outside a Timestamp\'s -62135596800 (0001-01-01) to 253402300799 (9999-12-31)',
    );
    assert.match(refusal(at({ seconds: MIN_SECONDS - 1 })), /^metrics\[1\]\.time\.seconds is -62135596801, outside/);
    assert.match(refusal(at({ seconds: '-9223372036854775808' })), /^metrics\[1\]\.time\.seconds is -9223372036854775808, outside/);
  });
});
