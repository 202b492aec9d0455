import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProtoGrpcType as GcnProto } from '../../../generated/proto-loader/gcn.ts';
import { importExercise } from '../../shared/exercise.ts';
import { loadProto } from '../../shared/proto-loader.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { MalformedMessage, WireType } from '../../shared/wire-reader.ts';
import { WireWriter } from '../codec/wire-writer.ts';

const { readNode } = await importExercise<typeof import('./read-node.ts')>(import.meta.url, 'read-node.ts');
const { Node } = loadProto<GcnProto>('gcn.proto');

test('reads what protobuf.js writes: ids of any script, packed features', () => {
  const random = seededRandom(6);
  for (const id of ['n1', 'ñandú', '節点', '😀', 'x'.repeat(200)]) {
    const features = Array.from({ length: 1 + Math.floor(random() * 20) }, () => Math.fround(random() * 10 - 5));
    assert.deepEqual(readNode(Node.serialize({ id, features })), { id, features });
  }
});

test('no fields at all: the defaults', () => {
  assert.deepEqual(readNode(new Uint8Array(0)), { id: '', features: [] });
});

test('unpacked and packed features mixed, an id sent twice, unknown fields of every wire type', () => {
  const out = new WireWriter(60);
  out.stringField(1, 'first', 5);
  out.tag(2, WireType.I32);
  out.float32(1.5);
  out.lenField(2, 8);
  out.float32(2.5);
  out.float32(-3);
  out.tag(7, WireType.VARINT);
  out.uint32(123456);
  out.tag(8, WireType.I64);
  out.float32(0);
  out.float32(0);
  out.tag(9, WireType.I32);
  out.float32(0);
  out.stringField(10, 'ignored', 7);
  out.tag(2, WireType.I32);
  out.float32(4);
  out.stringField(1, 'last', 4);
  const bytes = out.finish();
  const expected = { id: 'last', features: [1.5, 2.5, -3, 4] };
  assert.deepEqual(Node.deserialize(bytes), expected, 'protobuf.js agrees');
  assert.deepEqual(readNode(bytes), expected);
});

test('malformed bytes throw MalformedMessage', () => {
  const malformed = {
    'an id longer than the message': '0a0561',
    'a packed field of 5 bytes (not a multiple of 4)': '12050000803f00',
    'an unpacked float cut short': '150000',
    'id with wire type VARINT': '0801',
    'features with wire type VARINT': '1001',
    'a tag cut short': '8a',
    'wire type 3 (a proto2 group)': '1b',
  };
  for (const [what, hex] of Object.entries(malformed)) {
    assert.throws(() => readNode(Buffer.from(hex, 'hex')), MalformedMessage, what);
  }
});
