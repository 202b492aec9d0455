// The one protobuf wire-format reader of the workbook: chapter 01's walker
// names bytes with it, chapters 06 and 07 decode their large requests with it,
// and the wire check (wire-check.ts) reads every request with it.
//
// It reads in place: no copies, no objects per field, just a position in the
// bytes (Uint8Array or Buffer). Every read is bounds-checked against the end
// of the message being read, so malformed bytes end in a MalformedMessage
// error naming the byte and the problem, never in a crash, a hang or a
// silent misread. It knows no message type: a decoder says what the fields mean.

/** The wire types: the low three bits of every field's tag. 3 and 4 are proto2's groups. */
export const WireType = { VARINT: 0, I64: 1, LEN: 2, SGROUP: 3, EGROUP: 4, I32: 5 } as const;

/** Bytes that are not a valid encoding of the message they claim to be. */
export class MalformedMessage extends Error {
  constructor(
    /** Where the unreadable item starts. */
    readonly offset: number,
    readonly problem: string,
  ) {
    super(`byte ${offset}: ${problem}`);
    this.name = 'MalformedMessage';
  }
}

/** A field the decoder knows by its number, sent with another wire type: it cannot be read as that field. */
export function wrongWireType(tag: number, fieldName: string, offset: number): never {
  throw new MalformedMessage(offset, `${fieldName} (field ${tag >>> 3}) cannot have wire type ${tag & 7}`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class WireReader {
  readonly bytes: Uint8Array;
  readonly #view: DataView;
  /** The next byte to read. */
  pos = 0;
  /** Where the message being read ends: the whole buffer, or a nested message (see enter). */
  limit: number;
  // The last varint read, as two unsigned 32-bit halves: a double cannot hold every 64-bit value.
  #low = 0;
  #high = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.limit = bytes.length;
  }

  get atEnd(): boolean {
    return this.pos >= this.limit;
  }

  /**
   * Reads a base-128 varint: seven bits a byte, low bits first, the high bit
   * set on every byte but the last. At most ten bytes, and the tenth may only
   * hold the 64th bit.
   */
  #varint(): void {
    const { bytes, limit } = this;
    const start = this.pos;
    let pos = start;
    let low = 0;
    let high = 0;
    for (let i = 0; i < 10; i++) {
      if (pos >= limit) throw new MalformedMessage(start, 'varint runs past the end of its message');
      const byte = bytes[pos++];
      if (i < 4) {
        low |= (byte & 0x7f) << (7 * i);
      } else if (i === 4) {
        low |= (byte & 0x0f) << 28; // bits 28-31 of the low half
        high = (byte & 0x7f) >>> 4;
      } else {
        if (i === 9 && byte > 1) throw new MalformedMessage(start, 'varint overflows 64 bits');
        high |= (byte & 0x7f) << (7 * i - 32);
      }
      if (byte < 0x80) {
        this.pos = pos;
        this.#low = low >>> 0;
        this.#high = high >>> 0;
        return;
      }
    }
    throw new MalformedMessage(start, 'varint overflows 64 bits');
  }

  /** A varint's low 32 bits, unsigned: uint32, and the bits of an enum or bool. */
  uint32(): number {
    this.#varint();
    return this.#low;
  }

  /** An int32: the low 32 bits, signed (negative int32s are sent as ten-byte int64s). */
  int32(): number {
    this.#varint();
    return this.#low | 0;
  }

  /** An int64 as a number: exact within ±2^53 (Number.MAX_SAFE_INTEGER), rounded beyond. */
  int64(): number {
    this.#varint();
    return (this.#high | 0) * 2 ** 32 + this.#low;
  }

  /** A varint's full 64 bits, exactly, unsigned (BigInt.asIntN(64, …) reads them as an int64). */
  uint64BigInt(): bigint {
    this.#varint();
    return (BigInt(this.#high) << 32n) | BigInt(this.#low);
  }

  /** A field's tag: field number << 3 | wire type, checked: a field number from 1 to 2^29 - 1, a wire type that exists. */
  tag(): number {
    const start = this.pos;
    // Fields 1 to 15 have one-byte tags: by far the most common case, kept
    // small so that V8 inlines it into the decoders' loops.
    if (start < this.limit) {
      const byte = this.bytes[start];
      if (byte >= 0x08 && byte < 0x80 && (byte & 7) <= WireType.I32) {
        this.pos = start + 1;
        return byte;
      }
    }
    return this.#longTag(start);
  }

  #longTag(start: number): number {
    this.#varint();
    if (this.#high !== 0) throw new MalformedMessage(start, 'tag overflows 32 bits');
    const tag = this.#low;
    if (tag >>> 3 === 0) throw new MalformedMessage(start, 'field number 0 does not exist');
    if ((tag & 7) > WireType.I32) throw new MalformedMessage(start, `wire type ${tag & 7} does not exist`);
    return tag;
  }

  /** Reads a LEN field's length and returns where its payload ends, checking that it fits in its message. */
  lengthDelimited(): number {
    const start = this.pos;
    // Lengths under 128 take one byte.
    if (start < this.limit) {
      const byte = this.bytes[start];
      if (byte < 0x80 && byte < this.limit - start) {
        this.pos = start + 1;
        return start + 1 + byte;
      }
    }
    return this.#longLength(start);
  }

  #longLength(start: number): number {
    this.#varint();
    if (this.#high !== 0 || this.#low > this.limit - this.pos) {
      const length = (BigInt(this.#high) << 32n) | BigInt(this.#low);
      throw new MalformedMessage(start, `a field of ${length} bytes runs past the end of its message (byte ${this.limit})`);
    }
    return this.pos + this.#low;
  }

  /**
   * Reads the nested message ending at `end` next: reads past `end` fail. Returns
   * the outer limit, to hand back to leave() once the nested message is read.
   */
  enter(end: number): number {
    const outer = this.limit;
    this.limit = end;
    return outer;
  }

  leave(outer: number): void {
    this.pos = this.limit;
    this.limit = outer;
  }

  /** Moves past `count` bytes of a fixed-size value, checking they are there; returns where they start. */
  fixed(count: number): number {
    const start = this.pos;
    if (count > this.limit - start) throw new MalformedMessage(start, `a value of ${count} bytes runs past the end of its message`);
    this.pos += count;
    return start;
  }

  /** A float (I32), little-endian as on the wire. */
  float32(): number {
    return this.#view.getFloat32(this.fixed(4), true);
  }

  /** A double (I64), little-endian as on the wire. */
  float64(): number {
    return this.#view.getFloat64(this.fixed(8), true);
  }

  /** The UTF-8 text from pos to `end`, moving pos to `end`. */
  string(end: number): string {
    const text = this.text(this.pos, end);
    this.pos = end;
    return text;
  }

  /** The UTF-8 text in bytes[start, end); proto3 strings must be valid UTF-8. */
  text(start: number, end: number): string {
    const { bytes } = this;
    // Short ASCII strings (ids, names) are by far the most common: building
    // them from char codes avoids a native call per string.
    if (end - start <= 16) {
      let text = '';
      for (let i = start; i < end; i++) {
        const byte = bytes[i];
        if (byte >= 0x80) return this.#decodeUtf8(start, end);
        text += String.fromCharCode(byte);
      }
      return text;
    }
    return this.#decodeUtf8(start, end);
  }

  #decodeUtf8(start: number, end: number): string {
    try {
      return utf8.decode(this.bytes.subarray(start, end));
    } catch {
      throw new MalformedMessage(start, 'string is not valid UTF-8');
    }
  }

  /** Skips a field the decoder does not know: newer senders may add fields. */
  skip(wireType: number): void {
    switch (wireType) {
      case WireType.VARINT:
        this.#varint();
        return;
      case WireType.I64:
        this.fixed(8);
        return;
      case WireType.LEN:
        this.pos = this.lengthDelimited();
        return;
      case WireType.I32:
        this.fixed(4);
        return;
      default:
        // Groups (3 and 4) are proto2's; proto3 never writes them. 6 and 7 do not exist.
        throw new MalformedMessage(this.pos, `wire type ${wireType} is not one proto3 writes`);
    }
  }
}
