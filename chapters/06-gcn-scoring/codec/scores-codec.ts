// GCNResult's hand-written codec. On the wire, map<string, float> is a
// repeated message of {key = 1, value = 2}, one entry per node:
//
//   0a 0b | 0a 06 "n12345" | 15 <float32 little-endian>
//   entry   key               value
import { lenFieldSize, utf8Length, WireWriter } from './wire-writer.ts';
import { WireReader, WireType, wrongWireType } from '../../shared/wire-reader.ts';

/** What the handler answers: node i's id and score, in the request's node order. */
export interface ScoredNodes {
  readonly ids: readonly string[];
  readonly scores: Float32Array;
}

const ENTRY = (1 << 3) | WireType.LEN; // GCNResult.node_scores
const KEY = (1 << 3) | WireType.LEN;
const VALUE = (2 << 3) | WireType.I32;
const VALUE_BYTES = 5; // tag + float32

export function encodeScores({ ids, scores }: ScoredNodes): Buffer {
  const keyBytes = new Int32Array(ids.length);
  let total = 0;
  for (let i = 0; i < ids.length; i++) {
    keyBytes[i] = utf8Length(ids[i]);
    total += lenFieldSize(lenFieldSize(keyBytes[i]) + VALUE_BYTES);
  }
  const out = new WireWriter(total);
  for (let i = 0; i < ids.length; i++) {
    // Map entries always carry both key and value, as the generated encoders write them.
    out.lenField(1, lenFieldSize(keyBytes[i]) + VALUE_BYTES);
    out.stringField(1, ids[i], keyBytes[i]);
    out.tag(2, WireType.I32);
    out.float32(scores[i]);
  }
  return out.finish();
}

/**
 * GCNResult bytes → node id → score. As for any protobuf map, a key sent twice
 * keeps its last value, and an entry without a key or value has the default
 * ("" or 0). Malformed bytes throw MalformedMessage.
 */
export function decodeScores(bytes: Uint8Array): Map<string, number> {
  const reader = new WireReader(bytes);
  const scores = new Map<string, number>();
  while (!reader.atEnd) {
    const offset = reader.pos;
    const tag = reader.tag();
    if (tag !== ENTRY) {
      if (tag >>> 3 === 1) wrongWireType(tag, 'GCNResult.node_scores', offset);
      reader.skip(tag & 7);
      continue;
    }
    const outer = reader.enter(reader.lengthDelimited());
    let key = '';
    let value = 0;
    while (!reader.atEnd) {
      const fieldOffset = reader.pos;
      const field = reader.tag();
      if (field === KEY) key = reader.string(reader.lengthDelimited());
      else if (field === VALUE) value = reader.float32();
      else if (field >>> 3 === 1) wrongWireType(field, 'map key', fieldOffset);
      else if (field >>> 3 === 2) wrongWireType(field, 'map value', fieldOffset);
      else reader.skip(field & 7);
    }
    reader.leave(outer);
    scores.set(key, value);
  }
  return scores;
}
