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
import { RpcError } from '../shared/rpc-error.ts';
import type { MetricColumns } from './metric-columns.ts';

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

// Tags are field number << 3 | wire type.
const VARINT = 0;
const I64 = 1;
const LEN = 2;
const I32 = 5;
const METRICS = (1 << 3) | LEN;
const TIME = (1 << 3) | LEN;
const NAME = (2 << 3) | LEN;
const VALUE = (3 << 3) | I64;
const SECONDS = (1 << 3) | VARINT;
const NANOS = (2 << 3) | VARINT;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The requestDeserialize of this chapter's service. It returns a refusal
 * instead of throwing it: grpc-js answers a deserializer that throws with
 * INTERNAL "Error deserializing request", which tells the client nothing.
 */
export function decodeOutliersRequest(bytes: Uint8Array, maxMetrics = MAX_METRICS_PER_MESSAGE): MetricColumns | RpcError {
  try {
    return new RequestReader(bytes).read(maxMetrics);
  } catch (error) {
    if (error instanceof RpcError) return error;
    throw error;
  }
}

class RequestReader {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  #pos = 0;
  /** The metric being read and where the current field starts, for error messages. */
  #index = -1;
  #fieldStart = 0;
  // The last varint, as two unsigned 32-bit halves: a double cannot hold every int64.
  #low = 0;
  #high = 0;
  // The last metric's fields.
  #value = 0;
  #nameStart = 0;
  #nameLength = 0;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  read(maxMetrics: number): MetricColumns {
    const bytes = this.#bytes;
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
    this.#pos = 0;
    for (let index = 0; this.#pos < bytes.length; ) {
      const tag = this.#tag(bytes.length);
      if (tag !== METRICS) {
        this.#skip(tag, bytes.length, 1);
        continue;
      }
      this.#index = index;
      this.#metric(this.#lengthEnd(bytes.length));
      values[index] = this.#value;
      const start = this.#nameStart;
      const length = this.#nameLength;
      if (length !== lastLength || !sameBytes(bytes, start, lastStart, length)) {
        const name = this.#utf8(start, length);
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
    const end = this.#bytes.length;
    let count = 0;
    while (this.#pos < end) {
      const tag = this.#tag(end);
      if (tag === METRICS) {
        this.#pos = this.#lengthEnd(end);
        count++;
      } else {
        this.#skip(tag, end, 1);
      }
    }
    return count;
  }

  #metric(end: number): void {
    this.#value = 0;
    this.#nameStart = this.#pos;
    this.#nameLength = 0;
    while (this.#pos < end) {
      const tag = this.#tag(end);
      if (tag === TIME) {
        this.#timestamp(this.#lengthEnd(end));
      } else if (tag === NAME) {
        const stop = this.#lengthEnd(end);
        this.#nameStart = this.#pos;
        this.#nameLength = stop - this.#pos;
        this.#pos = stop;
      } else if (tag === VALUE) {
        if (this.#pos + 8 > end) throw this.#malformed('the value runs past the end of its metric', this.#fieldStart);
        this.#value = this.#view.getFloat64(this.#pos, true); // doubles are little-endian on the wire
        this.#pos += 8;
      } else {
        this.#skip(tag, end, 3);
      }
    }
  }

  #timestamp(end: number): void {
    let low = 0;
    let high = 0;
    let nanos = 0;
    while (this.#pos < end) {
      const tag = this.#tag(end);
      if (tag === SECONDS) {
        this.#varint(end);
        low = this.#low;
        high = this.#high;
      } else if (tag === NANOS) {
        this.#varint(end);
        nanos = this.#low | 0; // an int32: the low half, read as signed
      } else {
        this.#skip(tag, end, 2);
      }
    }
    const seconds = (high | 0) * 2 ** 32 + low;
    if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
      const exact = BigInt.asIntN(64, (BigInt(high) << 32n) | BigInt(low));
      throw this.#invalid(`time.seconds is ${exact}, outside a Timestamp's ${MIN_SECONDS} (0001-01-01) to ${MAX_SECONDS} (9999-12-31)`);
    }
    if (nanos < 0 || nanos > MAX_NANOS) {
      throw this.#invalid(`time.nanos is ${nanos}, outside 0 to ${MAX_NANOS}`);
    }
  }

  #utf8(start: number, length: number): string {
    try {
      return strictUtf8.decode(this.#bytes.subarray(start, start + length));
    } catch {
      throw this.#invalid('name is not valid UTF-8');
    }
  }

  #tag(end: number): number {
    this.#fieldStart = this.#pos;
    // Fast path: fields 1 to 15 have one-byte tags.
    const byte = this.#pos < end ? this.#bytes[this.#pos] : 0;
    if (byte >= 0x08 && byte < 0x80) {
      this.#pos++;
      return byte;
    }
    this.#varint(end);
    const tag = this.#low;
    if (this.#high !== 0 || tag >>> 3 === 0) throw this.#malformed('no valid field number in the tag', this.#fieldStart);
    return tag;
  }

  /** Skips an unknown field. Fields 1 to `known` are this message's own: there, a wrong wire type is malformed. */
  #skip(tag: number, end: number, known: number): void {
    const field = tag >>> 3;
    if (field <= known) throw this.#malformed(`field ${field} has wire type ${tag & 7}, not the one its type needs`, this.#fieldStart);
    switch (tag & 7) {
      case VARINT:
        return this.#varint(end);
      case I64:
        return this.#advance(8, end);
      case LEN:
        this.#pos = this.#lengthEnd(end);
        return;
      case I32:
        return this.#advance(4, end);
      default:
        throw this.#malformed(`field ${field} has wire type ${tag & 7}, which proto3 never writes`, this.#fieldStart);
    }
  }

  /** Reads a length prefix and returns where the field ends. */
  #lengthEnd(end: number): number {
    // Fast path: lengths under 128 take one byte.
    const byte = this.#pos < end ? this.#bytes[this.#pos] : 0x80;
    if (byte < 0x80 && byte < end - this.#pos) {
      this.#pos++;
      return this.#pos + byte;
    }
    const at = this.#pos;
    this.#varint(end);
    if (this.#high !== 0 || this.#low > end - this.#pos) throw this.#malformed('a field runs past the end of its message', at);
    return this.#pos + this.#low;
  }

  #advance(count: number, end: number): void {
    if (count > end - this.#pos) throw this.#malformed('a field runs past the end of its message', this.#fieldStart);
    this.#pos += count;
  }

  /** Base-128: seven bits a byte, low bits first, the high bit set on every byte but the last. */
  #varint(end: number): void {
    const bytes = this.#bytes;
    const at = this.#pos;
    let pos = at;
    let low = 0;
    let high = 0;
    for (let i = 0; i < 10; i++) {
      if (pos >= end) throw this.#malformed('a varint runs past the end of its message', at);
      const byte = bytes[pos++];
      if (i < 4) {
        low |= (byte & 0x7f) << (7 * i);
      } else if (i === 4) {
        low |= (byte & 0x0f) << 28; // bits 28-31 of 32
        high = (byte & 0x7f) >>> 4;
      } else {
        high |= (byte & 0x7f) << (7 * i - 32);
      }
      if (byte < 0x80) {
        this.#pos = pos;
        this.#low = low >>> 0;
        this.#high = high >>> 0;
        return;
      }
    }
    throw this.#malformed('a varint is longer than 10 bytes', at);
  }

  #malformed(what: string, at = this.#pos): RpcError {
    const where = this.#index === -1 ? '' : ` (in metrics[${this.#index}])`;
    return new RpcError(status.INVALID_ARGUMENT, `malformed OutliersRequest at byte ${at}${where}: ${what}`);
  }

  #invalid(what: string): RpcError {
    return new RpcError(status.INVALID_ARGUMENT, `metrics[${this.#index}].${what}`);
  }
}

function sameBytes(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (bytes[a + i] !== bytes[b + i]) return false;
  return true;
}
