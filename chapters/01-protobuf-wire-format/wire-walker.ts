// A minimal protobuf wire-format reader, written out by hand so that every
// byte of an encoded message can be named. Real code uses the generated
// classes; this is for seeing what they produce.

/** The wire types a field's tag can announce (the low three bits of the tag). */
export const WIRE_TYPES = {
  0: 'VARINT',
  1: 'I64',
  2: 'LEN',
  5: 'I32',
} as const satisfies Record<number, string>;

export type WireTypeNumber = keyof typeof WIRE_TYPES;

export interface WireField {
  fieldNumber: number;
  wireType: (typeof WIRE_TYPES)[WireTypeNumber];
  /** The bytes of the whole field: tag, length prefix if any, and payload. */
  bytes: Uint8Array;
  /** The payload: a varint's value as a bigint, or the raw bytes of the rest. */
  value: bigint | Uint8Array;
}

/** Reads a base-128 varint at `offset`: 7 bits per byte, low bits first, high bit set on all but the last byte. */
export function readVarint(bytes: Uint8Array, offset: number): { value: bigint; next: number } {
  let value = 0n;
  for (let i = 0; i < 10; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) throw new RangeError(`varint at byte ${offset} runs past the end of the message`);
    value |= BigInt(byte & 0x7f) << BigInt(7 * i);
    if ((byte & 0x80) === 0) return { value, next: offset + i + 1 };
  }
  throw new RangeError(`varint at byte ${offset} is longer than 10 bytes`);
}

/** Splits an encoded message into its fields, in the order they appear on the wire. */
export function walkFields(bytes: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const start = offset;
    const tag = readVarint(bytes, offset);
    const fieldNumber = Number(tag.value >> 3n); // tag = field number << 3 | wire type
    const wireTypeNumber = Number(tag.value & 7n);
    if (!(wireTypeNumber in WIRE_TYPES)) {
      throw new RangeError(`byte ${start}: wire type ${wireTypeNumber} is not one proto3 writes`);
    }
    const wireType = WIRE_TYPES[wireTypeNumber as WireTypeNumber];
    offset = tag.next;
    let value: bigint | Uint8Array;
    if (wireType === 'VARINT') {
      const varint = readVarint(bytes, offset);
      value = varint.value;
      offset = varint.next;
    } else {
      let size = wireType === 'I64' ? 8 : 4;
      if (wireType === 'LEN') {
        const length = readVarint(bytes, offset);
        size = Number(length.value);
        offset = length.next;
      }
      if (offset + size > bytes.length) throw new RangeError(`field ${fieldNumber} at byte ${start} runs past the end`);
      value = bytes.subarray(offset, offset + size);
      offset += size;
    }
    fields.push({ fieldNumber, wireType, bytes: bytes.subarray(start, offset), value });
  }
  return fields;
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}
