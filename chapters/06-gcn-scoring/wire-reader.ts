// A small, fast protobuf wire-format reader for hand-written decoders.
//
// Generated decoders build one object per message; for a request of a million
// edges that is a million objects the handler throws away at once. A
// hand-written decoder reads the same bytes straight into typed arrays. This
// class holds the few operations such a decoder needs, with bounds checks on
// every read, so malformed bytes end in a MalformedMessage error, never in a
// crash or a silent misread. It knows nothing about graphs: any message's
// decoder can use it.

/** The wire types proto3 writes: the low three bits of every field's tag. */
export const WireType = { VARINT: 0, I64: 1, LEN: 2, I32: 5 } as const;

/** Bytes that are not a valid encoding of the message they claim to be. */
export class MalformedMessage extends Error {
  constructor(offset: number, problem: string) {
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

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.limit = bytes.length;
  }

  get atEnd(): boolean {
    return this.pos >= this.limit;
  }

  /**
   * A base-128 varint, low 7 bits first. Tags, lengths and the integers a
   * decoder reads fit in 32 bits; longer varints (negative int32s take ten
   * bytes) keep their low 32 bits, as the protobuf specification says.
   */
  uint32(): number {
    const { bytes, limit } = this;
    const start = this.pos;
    let value = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= limit) throw new MalformedMessage(start, 'varint runs past the end of its message');
      const byte = bytes[this.pos++];
      if (i < 5) value |= (byte & 0x7f) << (7 * i);
      if (byte < 0x80) return value >>> 0;
    }
    throw new MalformedMessage(start, 'varint longer than 10 bytes');
  }

  /** A field's tag: field number << 3 | wire type. */
  tag(): number {
    const start = this.pos;
    const tag = this.uint32();
    if (tag >>> 3 === 0) throw new MalformedMessage(start, 'field number 0 does not exist');
    return tag;
  }

  /** Reads a LEN field's length and returns where its payload ends, checking that it fits. */
  lengthDelimited(): number {
    const start = this.pos;
    const length = this.uint32();
    const end = this.pos + length;
    if (end > this.limit) {
      throw new MalformedMessage(start, `a field of ${length} bytes runs past the end of its message (byte ${this.limit})`);
    }
    return end;
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

  float32(): number {
    if (this.pos + 4 > this.limit) throw new MalformedMessage(this.pos, 'a 4-byte value runs past the end of its message');
    const value = this.#view.getFloat32(this.pos, true);
    this.pos += 4;
    return value;
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
    const start = this.pos;
    switch (wireType) {
      case WireType.VARINT:
        this.uint32();
        return;
      case WireType.I64:
        this.pos += 8;
        break;
      case WireType.LEN:
        this.pos = this.lengthDelimited();
        return;
      case WireType.I32:
        this.pos += 4;
        break;
      default:
        // 3 and 4 are proto2's groups, which proto3 never writes; 6 and 7 do not exist.
        throw new MalformedMessage(start, `wire type ${wireType} is not one proto3 writes`);
    }
    if (this.pos > this.limit) throw new MalformedMessage(start, 'a fixed-size value runs past the end of its message');
  }
}
