// Near-miss for exercise 06-B: the reference solution, except that it does not read packed features.
// The exercise's test must fail against it (the workbook checks that it does).
import { WireReader, WireType, wrongWireType } from '../../wire-reader.ts';

export interface DecodedNode {
  id: string;
  features: number[];
}

export function readNode(bytes: Uint8Array): DecodedNode {
  const reader = new WireReader(bytes);
  let id = '';
  const features: number[] = [];
  while (!reader.atEnd) {
    const offset = reader.pos;
    const tag = reader.tag();
    const fieldNumber = tag >>> 3;
    const wireType = tag & 7;
    if (fieldNumber === 1) {
      if (wireType !== WireType.LEN) wrongWireType(tag, 'Node.id', offset);
      id = reader.string(reader.lengthDelimited());
    } else if (fieldNumber === 2) {
      if (wireType !== WireType.I32) wrongWireType(tag, 'Node.features', offset);
      features.push(reader.float32());
    } else {
      reader.skip(wireType);
    }
  }
  return { id, features };
}
