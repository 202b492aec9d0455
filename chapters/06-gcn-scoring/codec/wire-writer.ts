// The writing half of ../../shared/wire-reader.ts: a protobuf encoder's few operations over
// one buffer of a size computed beforehand.
//
// A nested message is written as its length, then its bytes, so an encoder
// must know every message's size before writing it. Generated encoders find
// out as they go: google-protobuf's BinaryWriter patches lengths in
// afterwards, protobuf.js queues every write as an operation and replays the
// queue once the total is known. A hand-written encoder for one message shape
// can compute the sizes first with a little arithmetic, allocate once, and
// write every byte exactly once.
import { WireType } from '../../shared/wire-reader.ts';

/** Bytes a varint takes: 7 bits per byte. */
export function varintSize(value: number): number {
  if (value < 0x80) return 1;
  if (value < 0x4000) return 2;
  if (value < 0x200000) return 3;
  if (value < 0x10000000) return 4;
  return 5;
}

/** Bytes `text` takes in UTF-8 (what Buffer.byteLength says, without the native call). */
export function utf8Length(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) length += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++; // a surrogate pair: two UTF-16 units, four UTF-8 bytes
      length += 2;
    } else length += 2; // three bytes (a lone surrogate is written as U+FFFD, also three)
  }
  return length;
}

/** Bytes a LEN field takes in all: its tag (one byte, for field numbers up to 15), length, payload. */
export function lenFieldSize(payloadBytes: number): number {
  return 1 + varintSize(payloadBytes) + payloadBytes;
}

export class WireWriter {
  readonly bytes: Buffer;
  readonly #view: DataView;
  pos = 0;

  constructor(size: number) {
    // Not zero-filled: every byte is written before finish() hands the buffer out.
    this.bytes = Buffer.allocUnsafe(size);
    this.#view = new DataView(this.bytes.buffer, this.bytes.byteOffset, size);
  }

  uint32(value: number): void {
    const { bytes } = this;
    while (value > 0x7f) {
      bytes[this.pos++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    bytes[this.pos++] = value;
  }

  tag(fieldNumber: number, wireType: number): void {
    this.uint32((fieldNumber << 3) | wireType);
  }

  /** The tag and length of a LEN field whose payload comes next. */
  lenField(fieldNumber: number, payloadBytes: number): void {
    this.tag(fieldNumber, WireType.LEN);
    this.uint32(payloadBytes);
  }

  float32(value: number): void {
    this.#view.setFloat32(this.pos, value, true);
    this.pos += 4;
  }

  /** A string field; `byteLength` is utf8Length(text), which the caller needed for sizes anyway. */
  stringField(fieldNumber: number, text: string, byteLength: number): void {
    this.lenField(fieldNumber, byteLength);
    if (byteLength === text.length) {
      // ASCII: one byte per character, no native call.
      for (let i = 0; i < byteLength; i++) this.bytes[this.pos + i] = text.charCodeAt(i);
    } else {
      this.bytes.write(text, this.pos, byteLength, 'utf8');
    }
    this.pos += byteLength;
  }

  /** The encoded message; fails if the sizes computed beforehand were wrong. */
  finish(): Buffer {
    if (this.pos !== this.bytes.length) {
      throw new Error(`encoder bug: wrote ${this.pos} bytes into a buffer of ${this.bytes.length}`);
    }
    return this.bytes;
  }
}
