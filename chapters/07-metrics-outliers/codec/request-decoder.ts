// A decoder for one message type, OutliersRequest, made for the one thing the
// server does with it: it reads the bytes straight into MetricColumns. The
// generated decoders build an object for every metric and another for its
// timestamp, two million objects for a million metrics; this builds two arrays.
//
// What it reads (the wire format of chapter 01):
//   OutliersRequest  1: Metric metrics, LEN, repeated
//   Metric           1: Timestamp time, LEN   2: string name, LEN   3: double value, I64
//   Timestamp        1: int64 seconds, VARINT   2: int32 nanos, VARINT
// Unknown fields are skipped, as protobuf requires, so that a newer client
// can add fields without breaking this server.
import { status } from '@grpc/grpc-js';
import { malformedRequest } from '../../shared/hand-written-codec.ts';
import { RpcError } from '../../shared/rpc-error.ts';
import { MalformedMessage, WireReader, WireType, wrongWireType } from '../../shared/wire-reader.ts';
import type { MetricColumns } from '../model/metric-columns.ts';

/** The range google.protobuf.Timestamp documents: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z. */
export const MIN_SECONDS = -62_135_596_800;
export const MAX_SECONDS = 253_402_300_799;
export const MAX_NANOS = 999_999_999;

/**
 * At most this many metrics in one message: 120 MB of columns. A metric can
 * be as small as two bytes (an empty one), so without a cap a 64 MiB message
 * could make the server allocate 400 MB.
 */
export const MAX_METRICS_PER_MESSAGE = 10_000_000;

// The tags this decoder expects: field number << 3 | wire type (protos/outliers.proto).
const METRICS = (1 << 3) | WireType.LEN;
const TIME = (1 << 3) | WireType.LEN;
const NAME = (2 << 3) | WireType.LEN;
const VALUE = (3 << 3) | WireType.I64;
const SECONDS = (1 << 3) | WireType.VARINT;
const NANOS = (2 << 3) | WireType.VARINT;
// Each message's fields by number, to name one sent with the wrong wire type.
const REQUEST_FIELDS = ['OutliersRequest.metrics'];
const METRIC_FIELDS = ['Metric.time', 'Metric.name', 'Metric.value'];
const TIMESTAMP_FIELDS = ['Timestamp.seconds', 'Timestamp.nanos'];

/**
 * Decodes and checks an OutliersRequest, which the handler receives as bytes
 * (see shared/hand-written-codec.ts). Malformed bytes or a bad timestamp are
 * INVALID_ARGUMENT, too many metrics RESOURCE_EXHAUSTED, each naming the problem.
 */
export function decodeOutliersRequest(bytes: Uint8Array, maxMetrics = MAX_METRICS_PER_MESSAGE): MetricColumns {
  const request = new RequestReader(bytes);
  try {
    return request.read(maxMetrics);
  } catch (error) {
    throw error instanceof MalformedMessage ? malformedRequest('OutliersRequest', error, request.where()) : error;
  }
}

class RequestReader {
  readonly #reader: WireReader;
  /** The metric being read, for error messages. */
  #index = -1;
  // The last metric's fields.
  #value = 0;
  #nameStart = 0;
  #nameEnd = 0;

  constructor(bytes: Uint8Array) {
    this.#reader = new WireReader(bytes);
  }

  /** Where in the request the reader is, for error messages. */
  where(): string {
    return this.#index === -1 ? '' : ` (in metrics[${this.#index}])`;
  }

  read(maxMetrics: number): MetricColumns {
    const reader = this.#reader;
    const bytes = reader.bytes;
    // A first pass only counts the metrics, so that the columns are allocated once, at their size.
    const count = this.#countMetrics();
    if (count > maxMetrics) {
      const limit = maxMetrics.toLocaleString('en-US');
      throw new RpcError(status.RESOURCE_EXHAUSTED, `a message may carry at most ${limit} metrics; this one has ${count.toLocaleString('en-US')}`);
    }
    const values = new Float64Array(count);
    const nameIds = new Uint32Array(values.length);
    const ids = new Map<string, number>();
    // Names mostly repeat ("CPU" a million times): compare bytes with the last
    // name before paying for a string.
    let lastStart = 0;
    let lastLength = -1;
    let lastId = 0;
    reader.pos = 0;
    for (let index = 0; !reader.atEnd; ) {
      const tag = reader.tag();
      if (tag !== METRICS) {
        reader.skip(tag & 7);
        continue;
      }
      this.#index = index;
      this.#metric(reader.lengthDelimited());
      values[index] = this.#value;
      const start = this.#nameStart;
      const length = this.#nameEnd - start;
      if (length !== lastLength || !sameBytes(bytes, start, lastStart, length)) {
        const name = reader.text(start, this.#nameEnd);
        lastId = ids.get(name) ?? ids.size;
        if (lastId === ids.size) ids.set(name, lastId);
        lastStart = start;
        lastLength = length;
      }
      nameIds[index++] = lastId;
      this.#index = -1;
    }
    return { values, nameIds, names: [...ids.keys()] };
  }

  #countMetrics(): number {
    const reader = this.#reader;
    let count = 0;
    while (!reader.atEnd) {
      const offset = reader.pos;
      const tag = reader.tag();
      if (tag === METRICS) {
        reader.pos = reader.lengthDelimited();
        count++;
      } else skipUnknown(reader, tag, offset, REQUEST_FIELDS);
    }
    return count;
  }

  #metric(end: number): void {
    const reader = this.#reader;
    const outer = reader.enter(end);
    this.#value = 0;
    this.#nameStart = reader.pos;
    this.#nameEnd = reader.pos;
    while (!reader.atEnd) {
      const offset = reader.pos;
      const tag = reader.tag();
      if (tag === TIME) this.#timestamp(reader.lengthDelimited());
      else if (tag === NAME) {
        this.#nameEnd = reader.lengthDelimited();
        this.#nameStart = reader.pos;
        reader.pos = this.#nameEnd;
      } else if (tag === VALUE) this.#value = reader.float64();
      else skipUnknown(reader, tag, offset, METRIC_FIELDS);
    }
    reader.leave(outer);
  }

  #timestamp(end: number): void {
    const reader = this.#reader;
    const outer = reader.enter(end);
    let seconds = 0;
    let secondsAt = -1;
    let nanos = 0;
    while (!reader.atEnd) {
      const offset = reader.pos;
      const tag = reader.tag();
      if (tag === SECONDS) {
        secondsAt = reader.pos;
        seconds = reader.int64();
      } else if (tag === NANOS) nanos = reader.int32();
      else skipUnknown(reader, tag, offset, TIMESTAMP_FIELDS);
    }
    reader.leave(outer);
    if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
      // int64() is exact only within ±2^53: read the varint again, exactly, to quote it.
      reader.pos = secondsAt;
      const exact = BigInt.asIntN(64, reader.uint64BigInt());
      throw this.#invalid(`time.seconds is ${exact}, outside a Timestamp's ${MIN_SECONDS} (0001-01-01) to ${MAX_SECONDS} (9999-12-31)`);
    }
    if (nanos < 0 || nanos > MAX_NANOS) {
      throw this.#invalid(`time.nanos is ${nanos}, outside 0 to ${MAX_NANOS}`);
    }
  }

  #invalid(what: string): RpcError {
    return new RpcError(status.INVALID_ARGUMENT, `metrics[${this.#index}].${what}`);
  }
}

/**
 * Skips a field the decoder did not expect, as protobuf requires (a newer
 * sender may add fields). But one of the message's own fields, by number, sent
 * with another wire type cannot be read as that field: it is malformed.
 */
function skipUnknown(reader: WireReader, tag: number, offset: number, known: readonly string[]): void {
  const name = known[(tag >>> 3) - 1];
  if (name !== undefined) wrongWireType(tag, name, offset);
  reader.skip(tag & 7);
}

function sameBytes(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (bytes[a + i] !== bytes[b + i]) return false;
  return true;
}
