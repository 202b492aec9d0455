// The client's half of the hand-tuned path: an encoder for OutliersRequest
// alone, from plain objects of the shape proto-loader's types describe. It
// measures the whole message first, then writes it into one buffer allocated
// once, where the generated encoders build something in between and copy
// from it (google-protobuf an array of numbers, protobuf.js a list of write
// operations). Like them, it leaves out fields that hold their default
// (0, "", no time).
import type { Timestamp } from '../../../generated/proto-loader/google/protobuf/Timestamp.ts';
import type { Metric } from '../../../generated/proto-loader/pb/Metric.ts';
import type { OutliersRequest } from '../../../generated/proto-loader/pb/OutliersRequest.ts';

// Tags: field number << 3 | wire type (0 VARINT, 1 I64, 2 LEN).
const METRICS = 0x0a;
const TIME = 0x0a;
const NAME = 0x12;
const VALUE = 0x19;
const SECONDS = 0x08;
const NANOS = 0x10;

export function encodeOutliersRequest(request: OutliersRequest): Buffer {
  const metrics = request.metrics ?? [];
  const writer = new RequestWriter();
  const bodySizes = new Uint32Array(metrics.length);
  let size = 0;
  for (let i = 0; i < metrics.length; i++) {
    bodySizes[i] = writer.metricSize(metrics[i]);
    size += 1 + varintSize(bodySizes[i], 0) + bodySizes[i];
  }
  writer.start(size);
  for (let i = 0; i < metrics.length; i++) {
    writer.byte(METRICS);
    writer.varint(bodySizes[i], 0);
    writer.metric(metrics[i]);
  }
  return writer.finish();
}

class RequestWriter {
  #out = Buffer.alloc(0);
  #view = new DataView(this.#out.buffer);
  #pos = 0;
  // The last name and its UTF-8 bytes: names mostly repeat, so most are encoded once.
  #name = '';
  #nameBytes = Buffer.alloc(0);
  // An int64 split into unsigned 32-bit halves, by #split.
  #low = 0;
  #high = 0;

  metricSize({ time, name, value }: Metric): number {
    let size = 0;
    if (time) size += 2 + this.#timestampSize(time); // a Timestamp is at most 22 bytes: one length byte
    const nameLength = this.#utf8(name ?? '').length;
    if (nameLength > 0) size += 1 + varintSize(nameLength, 0) + nameLength;
    if (!isPositiveZero(Number(value ?? 0))) size += 9;
    return size;
  }

  start(size: number): void {
    this.#out = Buffer.allocUnsafe(size);
    this.#view = new DataView(this.#out.buffer, this.#out.byteOffset, size);
    this.#pos = 0;
  }

  metric({ time, name, value }: Metric): void {
    if (time) {
      this.byte(TIME);
      this.byte(this.#timestampSize(time)); // also splits the seconds, for #timestamp
      this.#timestamp(time.nanos);
    }
    const nameBytes = this.#utf8(name ?? '');
    if (nameBytes.length > 0) {
      this.byte(NAME);
      this.varint(nameBytes.length, 0);
      for (let i = 0; i < nameBytes.length; i++) this.#out[this.#pos++] = nameBytes[i];
    }
    const number = Number(value ?? 0);
    if (!isPositiveZero(number)) {
      this.byte(VALUE);
      this.#view.setFloat64(this.#pos, number, true); // little-endian, as the wire format says
      this.#pos += 8;
    }
  }

  finish(): Buffer {
    if (this.#pos !== this.#out.length) throw new Error(`encoder bug: wrote ${this.#pos} of ${this.#out.length} bytes`);
    return this.#out;
  }

  byte(value: number): void {
    this.#out[this.#pos++] = value;
  }

  /** Base-128, seven bits a byte, low bits first; `high` carries bits 32 to 63. */
  varint(low: number, high: number): void {
    while (high !== 0 || low > 0x7f) {
      this.#out[this.#pos++] = (low & 0x7f) | 0x80;
      low = ((low >>> 7) | (high << 25)) >>> 0;
      high >>>= 7;
    }
    this.#out[this.#pos++] = low;
  }

  #timestampSize({ seconds, nanos }: Timestamp): number {
    let size = 0;
    this.#split(seconds ?? 0);
    if (this.#low !== 0 || this.#high !== 0) size += 1 + varintSize(this.#low, this.#high);
    if (nanos) size += 1 + varintSize(nanos >>> 0, nanos < 0 ? 0xffffffff : 0);
    return size;
  }

  /** Writes the Timestamp whose seconds #timestampSize has just split. */
  #timestamp(nanos: number | undefined): void {
    if (this.#low !== 0 || this.#high !== 0) {
      this.byte(SECONDS);
      this.varint(this.#low, this.#high);
    }
    if (nanos) {
      this.byte(NANOS);
      this.varint(nanos >>> 0, nanos < 0 ? 0xffffffff : 0); // a negative int32 is sign-extended to 64 bits
    }
  }

  /** Two's complement halves of an int64 given as a number, a decimal string or a Long. */
  #split(seconds: NonNullable<Timestamp['seconds']>): void {
    if (typeof seconds === 'number') {
      if (!Number.isSafeInteger(seconds)) throw new TypeError(`Timestamp seconds must be a safe integer, got ${seconds}`);
      this.#low = seconds >>> 0;
      this.#high = Math.floor(seconds / 2 ** 32) >>> 0;
    } else {
      const bits = BigInt.asUintN(64, BigInt(String(seconds)));
      this.#low = Number(bits & 0xffffffffn);
      this.#high = Number(bits >> 32n);
    }
  }

  #utf8(name: string): Buffer {
    if (name !== this.#name) {
      this.#name = name;
      this.#nameBytes = Buffer.from(name, 'utf8');
    }
    return this.#nameBytes;
  }
}

function varintSize(low: number, high: number): number {
  const bits = high !== 0 ? 64 - Math.clz32(high) : 32 - Math.clz32(low);
  return Math.max(1, Math.ceil(bits / 7));
}

/** proto3 leaves out a double only when it is +0: -0 has a different bit pattern, so it is sent. */
function isPositiveZero(value: number): boolean {
  return value === 0 && 1 / value > 0;
}
