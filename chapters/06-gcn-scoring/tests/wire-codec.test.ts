// The hand-written codec against the generated ones: the same bytes out, the
// same values in, and malformed bytes refused with INVALID_ARGUMENT, never a crash.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import type { ProtoGrpcType as GcnProto } from '../../../generated/proto-loader/gcn.ts';
import * as gcn from '../../../generated/static/gcn.ts';
import { loadProto } from '../../shared/proto-loader.ts';
import { RpcError } from '../../shared/rpc-error.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { decodeGraph } from '../codec/graph-decoder.ts';
import { encodeGraph, type GraphMessage } from '../codec/graph-encoder.ts';
import type { Graph } from '../model/graph.ts';
import { randomGraph } from '../bench/random-graph.ts';
import { decodeScores, encodeScores } from '../codec/scores-codec.ts';
import { WireType } from '../../shared/wire-reader.ts';
import { utf8Length, WireWriter } from '../codec/wire-writer.ts';

const gcnProto = loadProto<GcnProto>('gcn.proto');

/** Back from the model's form to GraphData objects, to compare with what was sent. */
function toMessage(graph: Graph): GraphMessage {
  const { ids, featureWidth, features } = graph;
  return {
    nodes: ids.map((id, i) => ({ id, features: [...features.subarray(i * featureWidth, (i + 1) * featureWidth)] })),
    edges: [...graph.sources].map((s, e) => ({ source_id: ids[s], target_id: ids[graph.targets[e]] })),
  };
}

/** Random graphs whose ids need all of UTF-8: ASCII, two-, three- and four-byte characters, long ids. */
function unicodeGraph(seed: number): GraphMessage {
  const graph = randomGraph({ nodes: 40, edges: 80, features: 5, seed });
  const flavours = ['', 'ñ', '節点', '😀', 'x'.repeat(20), 'é'.repeat(70)];
  return { nodes: graph.nodes.map((node, i) => ({ ...node, id: node.id + flavours[i % flavours.length] })), edges: [] };
}

describe('the hand-written GraphData encoder', () => {
  test('writes the same bytes as google-protobuf and protobuf.js', () => {
    for (const seed of [1, 2, 3]) {
      for (const graph of [randomGraph({ nodes: 50, edges: 120, features: 4, seed }), unicodeGraph(seed)]) {
        const ours = encodeGraph(graph);
        assert.deepEqual(ours, Buffer.from(gcn.GraphData.fromObject(graph).serialize()));
        assert.deepEqual(ours, gcnProto.GraphData.serialize(graph));
      }
    }
  });

  test('counts UTF-8 bytes as Buffer.byteLength does, surrogate pairs and lone surrogates included', () => {
    for (const text of ['', 'abc', 'ñ', '節点', '😀', 'a😀b', '\ud800', 'x\udc00y', '\ud83d']) {
      assert.equal(utf8Length(text), Buffer.byteLength(text), JSON.stringify(text));
    }
  });
});

describe('the hand-written GraphData decoder', () => {
  test('reads what google-protobuf writes, ids, features and edges', () => {
    for (const seed of [1, 2, 3]) {
      const graph = randomGraph({ nodes: 60, edges: 150, features: 7, seed });
      assert.deepEqual(toMessage(decodeGraph(gcn.GraphData.fromObject(graph).serialize())), graph);
      const unicode = unicodeGraph(seed);
      assert.deepEqual(toMessage(decodeGraph(Buffer.from(gcn.GraphData.fromObject(unicode).serialize()))), unicode);
    }
  });

  test('accepts what other senders may write: unpacked floats, any field order, unknown fields', () => {
    // Edges before nodes; node b's id after its features, its features unpacked
    // and in two pieces; unknown fields of every wire type, which newer senders may add.
    const out = new WireWriter(73);
    out.lenField(2, 6); // GraphData.edges
    out.stringField(1, 'a', 1);
    out.stringField(2, 'b', 1);
    out.lenField(1, 13); // GraphData.nodes: a, features packed
    out.stringField(1, 'a', 1);
    out.lenField(2, 8);
    out.float32(1.5);
    out.float32(-2);
    out.lenField(1, 43); // b
    out.tag(2, WireType.I32);
    out.float32(0.25);
    out.tag(9, WireType.VARINT);
    out.uint32(300);
    out.tag(10, WireType.I64);
    out.float32(0);
    out.float32(0);
    out.tag(11, WireType.I32);
    out.float32(0);
    out.lenField(12, 3);
    for (const byte of [1, 2, 3]) out.uint32(byte);
    out.lenField(2, 4);
    out.float32(8);
    out.stringField(1, 'wrong', 5); // an id sent twice: the last one wins
    out.stringField(1, 'b', 1);
    out.tag(15, WireType.VARINT); // an unknown field in GraphData itself
    out.uint32(1);
    out.stringField(13, 'x', 1);
    const bytes = out.finish();
    const expected = {
      nodes: [
        { id: 'a', features: [1.5, -2] },
        { id: 'b', features: [0.25, 8] },
      ],
      edges: [{ source_id: 'a', target_id: 'b' }],
    };
    assert.deepEqual(toMessage(decodeGraph(bytes)), expected);
    assert.deepEqual(gcnProto.GraphData.deserialize(bytes), expected, 'protobuf.js reads them the same way');
  });

  const malformed: [hex: string, details: string][] = [
    ['0a050a', 'at byte 1: a field of 5 bytes runs past the end of its message (byte 3)'],
    ['0a', 'at byte 1: varint runs past the end of its message'],
    ['0801', 'at byte 0: GraphData.nodes (field 1) cannot have wire type 0'],
    ['1501000000', 'at byte 0: GraphData.edges (field 2) cannot have wire type 5'],
    ['0a030a01ff', 'at byte 4: string is not valid UTF-8'],
    ['0a050a01611203', 'at byte 6: a field of 3 bytes runs past the end of its message (byte 7)'],
    ['0a080a01611203000000', 'at byte 7: a value of 4 bytes runs past the end of its message'],
    ['0a040a01610f', 'at byte 5: wire type 7 does not exist'],
    ['0a040a01611f', 'at byte 5: wire type 7 does not exist'],
    ['0a040a01611b', 'at byte 6: wire type 3 is not one proto3 writes'],
    ['00', 'at byte 0: field number 0 does not exist'],
    ['1b', 'at byte 1: wire type 3 is not one proto3 writes'],
    ['f8ffffffffffffffffff01', 'at byte 0: varint overflows 64 bits'],
    ['18ffffffffffffffffff02', 'at byte 1: varint overflows 64 bits'],
    ['f8ffffffff01', 'at byte 0: tag overflows 32 bits'],
    ['1affffffff0f', 'at byte 1: a field of 4294967295 bytes runs past the end of its message (byte 6)'],
    ['1a8080808080808080800100', 'at byte 1: a field of 9223372036854775808 bytes runs past the end of its message (byte 12)'],
    ['2a0a', 'at byte 1: a field of 10 bytes runs past the end of its message (byte 2)'],
  ];
  for (const [hex, details] of malformed) {
    test(`malformed ${hex} → INVALID_ARGUMENT: ${details}`, () => {
      assert.throws(() => decodeGraph(Buffer.from(hex, 'hex')), {
        code: status.INVALID_ARGUMENT,
        details: `malformed GraphData ${details}`,
      });
    });
  }

  test('truncated or corrupted at random, it answers a graph or INVALID_ARGUMENT, never anything else', () => {
    const valid = encodeGraph(randomGraph({ nodes: 12, edges: 20, features: 3, seed: 5 }));
    const random = seededRandom(99);
    const variants: Buffer[] = [];
    for (let end = 0; end < valid.length; end++) variants.push(valid.subarray(0, end));
    for (let i = 0; i < 2_000; i++) {
      const copy = Buffer.from(valid);
      for (let flips = 1 + Math.floor(random() * 3); flips > 0; flips--) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
      variants.push(copy);
    }
    let refused = 0;
    for (const bytes of variants) {
      try {
        decodeGraph(bytes);
      } catch (error) {
        assert.ok(error instanceof RpcError && error.code === status.INVALID_ARGUMENT, `${bytes.toString('hex')}: ${error}`);
        refused++;
      }
    }
    assert.ok(refused > 1_000, `${refused} of ${variants.length} refused`);
  });
});

describe('the hand-written GCNResult codec', () => {
  const ids = ['n0', 'n1', '😀', ''];
  const scores = Float32Array.from([0.25, 0.5, 0.125, 1]);
  const asMap = new Map(ids.map((id, i) => [id, scores[i]]));

  test('google-protobuf and protobuf.js read what it writes', () => {
    const bytes = encodeScores({ ids, scores });
    assert.deepEqual(gcn.GCNResult.deserialize(bytes).node_scores, asMap);
    assert.deepEqual(gcnProto.GCNResult.deserialize(bytes), { node_scores: Object.fromEntries(asMap) });
    assert.deepEqual(bytes, Buffer.from(new gcn.GCNResult({ node_scores: asMap }).serialize()));
  });

  test('it reads what they write, and a key sent twice keeps its last value', () => {
    assert.deepEqual(decodeScores(new gcn.GCNResult({ node_scores: asMap }).serialize()), asMap);
    const twice = Buffer.concat([encodeScores({ ids: ['a'], scores: Float32Array.of(0.25) }), encodeScores({ ids: ['a'], scores: Float32Array.of(0.75) })]);
    assert.deepEqual(decodeScores(twice), new Map([['a', 0.75]]));
  });
});
