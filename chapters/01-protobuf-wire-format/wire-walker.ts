// Names every field of an encoded message, byte by byte, with the workbook's
// wire reader (chapters/shared/wire-reader.ts, which chapters 06 and 07 decode
// with too). Real code uses the generated classes; this is for seeing what
// they produce.
import { MalformedMessage, WireReader, WireType } from '../shared/wire-reader.ts';

/** The wire types proto3 writes, by the number a field's tag announces (its low three bits). */
export const WIRE_TYPES = {
  [WireType.VARINT]: 'VARINT',
  [WireType.I64]: 'I64',
  [WireType.LEN]: 'LEN',
  [WireType.I32]: 'I32',
} as const satisfies Record<number, string>;

export type WireTypeNumber = keyof typeof WIRE_TYPES;

export interface WireField {
  fieldNumber: number;
  wireType: (typeof WIRE_TYPES)[WireTypeNumber];
  /** The bytes of the whole field: tag, length prefix if any, and payload. */
  bytes: Uint8Array;
  /** The payload: a varint's value as a bigint (all 64 bits, unsigned), or the raw bytes of the rest. */
  value: bigint | Uint8Array;
}

/** Splits an encoded message into its fields, in the order they appear on the wire. */
export function walkFields(bytes: Uint8Array): WireField[] {
  const reader = new WireReader(bytes);
  const fields: WireField[] = [];
  while (!reader.atEnd) {
    const start = reader.pos;
    const tag = reader.tag();
    const fieldNumber = tag >>> 3; // tag = field number << 3 | wire type
    const wireTypeNumber = tag & 7;
    if (!(wireTypeNumber in WIRE_TYPES)) {
      throw new MalformedMessage(start, `wire type ${wireTypeNumber} is not one proto3 writes`);
    }
    const wireType = WIRE_TYPES[wireTypeNumber as WireTypeNumber];
    let value: bigint | Uint8Array;
    if (wireType === 'VARINT') {
      value = reader.uint64BigInt();
    } else if (wireType === 'LEN') {
      const end = reader.lengthDelimited(); // checks that the payload fits in the message
      value = bytes.subarray(reader.pos, end);
      reader.pos = end;
    } else {
      const size = wireType === 'I64' ? 8 : 4;
      value = bytes.subarray(reader.fixed(size), reader.pos);
    }
    fields.push({ fieldNumber, wireType, bytes: bytes.subarray(start, reader.pos), value });
  }
  return fields;
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}
