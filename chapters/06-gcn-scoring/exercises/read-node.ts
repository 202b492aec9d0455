// Exercise 06-B: decode one Node message by hand.
//
//   message Node {
//     string id = 1;
//     repeated float features = 2;
//   }
//
// Write readNode(bytes) with the WireReader from ../../shared/wire-reader.ts, returning
// what any protobuf decoder would:
//   - features may come packed (one LEN field of 4-byte floats, what proto3
//     writes) or unpacked (one I32 field per value), even mixed: keep them all,
//     in order;
//   - an id sent twice: the last one wins; no id at all: "";
//   - fields you do not know (any other number) are skipped, whatever their type;
//   - malformed bytes throw MalformedMessage (WireReader's methods already do,
//     for anything that runs past the end); so does a known field number with
//     the wrong wire type (wrongWireType() throws it for you).
// graph-decoder.ts does this for a whole GraphData; try it yourself first.
//
// Check your work: npm run exercises -- 06
import { WireReader } from '../../shared/wire-reader.ts';

export interface DecodedNode {
  id: string;
  features: number[];
}

export function readNode(bytes: Uint8Array): DecodedNode {
  const reader = new WireReader(bytes);
  // TODO: read fields until reader.atEnd: reader.tag() gives field number << 3 | wire type.
  void reader;
  return { id: '', features: [] };
}
