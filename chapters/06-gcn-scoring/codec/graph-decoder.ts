// GraphData bytes → Graph, read straight from the wire into typed arrays.
//
// The generated decoders (google-protobuf, protobuf.js) turn a request of
// 100,000 nodes and 1,000,000 edges into 1.1 million objects and 2.2 million
// strings, which the handler then walks once to build typed arrays and drops.
// This decoder builds the typed arrays directly, and checks the graph on the
// way: anything wrong is INVALID_ARGUMENT naming the offending ids.
import { status } from '@grpc/grpc-js';
import { malformedRequest } from '../../shared/hand-written-codec.ts';
import { RpcError } from '../../shared/rpc-error.ts';
import { ByteIdIndex } from './byte-id-index.ts';
import { MAX_FEATURES_PER_NODE, type Graph } from '../model/graph.ts';
import { GraphProblems, quoted } from './graph-problems.ts';
import { MalformedMessage, WireReader, WireType, wrongWireType } from '../../shared/wire-reader.ts';

// The tags this decoder expects: field number << 3 | wire type (protos/gcn.proto).
const GRAPH_NODES = (1 << 3) | WireType.LEN;
const GRAPH_EDGES = (2 << 3) | WireType.LEN;
const NODE_ID = (1 << 3) | WireType.LEN;
// proto3 writes `repeated float` packed (one LEN field holding every value),
// but a decoder must also accept the values one field each (I32), as proto2
// senders and some hand-written encoders send them.
const NODE_FEATURES_PACKED = (2 << 3) | WireType.LEN;
const NODE_FEATURE = (2 << 3) | WireType.I32;
const EDGE_SOURCE_ID = (1 << 3) | WireType.LEN;
const EDGE_TARGET_ID = (2 << 3) | WireType.LEN;

/** Decodes and checks a GraphData request; malformed bytes or a bad graph are INVALID_ARGUMENT. */
export function decodeGraph(bytes: Uint8Array): Graph {
  try {
    return readGraph(new WireReader(bytes));
  } catch (error) {
    throw error instanceof MalformedMessage ? malformedRequest('GraphData', error) : error;
  }
}

function readGraph(reader: WireReader): Graph {
  // A sender may put nodes and edges in any order, and an edge can only be
  // resolved once every node is known. So the decoder walks the message three
  // times: to count, to read the nodes, to read the edges. Each walk skips
  // the other kind of field by its length, which costs almost nothing.
  const { nodeCount, edgeCount } = countNodesAndEdges(reader);
  if (nodeCount === 0) throw new RpcError(status.INVALID_ARGUMENT, 'invalid graph: it has no nodes');
  const problems = new GraphProblems();
  const nodes = readNodes(reader, nodeCount, problems);
  const { sources, targets } = readEdges(reader, nodes.index, edgeCount, problems);
  problems.throwIfAny();
  return { ids: nodes.ids, featureWidth: nodes.featureWidth, features: nodes.features, sources, targets };
}

function countNodesAndEdges(reader: WireReader): { nodeCount: number; edgeCount: number } {
  let nodeCount = 0;
  let edgeCount = 0;
  reader.pos = 0;
  while (!reader.atEnd) {
    const offset = reader.pos;
    const tag = reader.tag();
    if (tag === GRAPH_NODES) nodeCount++;
    else if (tag === GRAPH_EDGES) edgeCount++;
    else if (tag >>> 3 === 1) wrongWireType(tag, 'GraphData.nodes', offset);
    else if (tag >>> 3 === 2) wrongWireType(tag, 'GraphData.edges', offset);
    reader.skip(tag & 7);
  }
  return { nodeCount, edgeCount };
}

interface Nodes {
  ids: string[];
  featureWidth: number;
  features: Float32Array;
  index: ByteIdIndex;
}

function readNodes(reader: WireReader, nodeCount: number, problems: GraphProblems): Nodes {
  const ids = new Array<string>(nodeCount);
  const index = new ByteIdIndex(reader.bytes, nodeCount);
  const row = new Float32Array(MAX_FEATURES_PER_NODE); // one node's features, before they are checked
  let featureWidth = 0;
  let features = new Float32Array(0);
  let firstWithFeatures = '';
  reader.pos = 0;
  for (let node = 0; !reader.atEnd; ) {
    const tag = reader.tag();
    if (tag !== GRAPH_NODES) {
      reader.skip(tag & 7);
      continue;
    }
    const outer = reader.enter(reader.lengthDelimited());
    let id = '';
    let idStart = 0;
    let idEnd = 0;
    let width = 0;
    while (!reader.atEnd) {
      const offset = reader.pos;
      const field = reader.tag();
      if (field === NODE_ID) {
        // A field sent twice: the last value wins, as in every protobuf decoder.
        idEnd = reader.lengthDelimited();
        idStart = reader.pos;
        id = reader.string(idEnd);
      } else if (field === NODE_FEATURES_PACKED) {
        const packed = reader.enter(reader.lengthDelimited());
        while (!reader.atEnd) {
          const value = reader.float32(); // a length that is not a multiple of 4 fails here
          if (width < MAX_FEATURES_PER_NODE) row[width] = value;
          width++;
        }
        reader.leave(packed);
      } else if (field === NODE_FEATURE) {
        const value = reader.float32();
        if (width < MAX_FEATURES_PER_NODE) row[width] = value;
        width++;
      } else if (field >>> 3 === 1) wrongWireType(field, 'Node.id', offset);
      else if (field >>> 3 === 2) wrongWireType(field, 'Node.features', offset);
      else reader.skip(field & 7);
    }
    reader.leave(outer);

    ids[node] = id;
    if (id === '') problems.add('every node needs an id', `node #${node} has none`);
    else {
      const earlier = index.add(node, idStart, idEnd);
      if (earlier >= 0) problems.add('node ids must be unique', `${nameOf(id, node)} (nodes #${earlier} and #${node})`);
    }
    if (width === 0) problems.add('every node needs at least one feature', `${nameOf(id, node)} has none`);
    else if (width > MAX_FEATURES_PER_NODE) {
      problems.add(`at most ${MAX_FEATURES_PER_NODE.toLocaleString('en-US')} features per node`, `${nameOf(id, node)} has ${width.toLocaleString('en-US')}`);
    } else {
      if (featureWidth === 0) {
        // The first node with features sets the width every other node must have.
        featureWidth = width;
        firstWithFeatures = nameOf(id, node);
        features = new Float32Array(nodeCount * featureWidth);
      }
      if (width !== featureWidth) {
        problems.add(`every node needs as many features as the first (${firstWithFeatures}: ${featureWidth})`, `${nameOf(id, node)} has ${width}`);
      } else {
        const base = node * featureWidth;
        for (let k = 0; k < width; k++) {
          if (!Number.isFinite(row[k])) problems.add('features must be finite numbers', `${nameOf(id, node)}[${k}] is ${row[k]}`);
          features[base + k] = row[k];
        }
      }
    }
    node++;
  }
  return { ids, featureWidth, features, index };
}

/** How an error message names a node: by its id, or by its position if it has none. */
function nameOf(id: string, node: number): string {
  return id === '' ? `node #${node}` : quoted(id);
}

function readEdges(
  reader: WireReader,
  index: ByteIdIndex,
  edgeCount: number,
  problems: GraphProblems,
): { sources: Int32Array; targets: Int32Array } {
  const sources = new Int32Array(edgeCount);
  const targets = new Int32Array(edgeCount);
  reader.pos = 0;
  for (let edge = 0; !reader.atEnd; ) {
    const tag = reader.tag();
    if (tag !== GRAPH_EDGES) {
      reader.skip(tag & 7);
      continue;
    }
    const outer = reader.enter(reader.lengthDelimited());
    // Where the two ids lie in the request; an absent id is empty, as in proto3.
    let sourceStart = 0;
    let sourceEnd = 0;
    let targetStart = 0;
    let targetEnd = 0;
    while (!reader.atEnd) {
      const offset = reader.pos;
      const field = reader.tag();
      if (field === EDGE_SOURCE_ID) {
        sourceEnd = reader.lengthDelimited();
        sourceStart = reader.pos;
        reader.pos = sourceEnd;
      } else if (field === EDGE_TARGET_ID) {
        targetEnd = reader.lengthDelimited();
        targetStart = reader.pos;
        reader.pos = targetEnd;
      } else if (field >>> 3 === 1) wrongWireType(field, 'Edge.source_id', offset);
      else if (field >>> 3 === 2) wrongWireType(field, 'Edge.target_id', offset);
      else reader.skip(field & 7);
    }
    reader.leave(outer);

    const source = index.find(sourceStart, sourceEnd);
    const target = index.find(targetStart, targetEnd);
    if (source < 0 || target < 0) {
      // Only now are the ids decoded to strings: to name them in the error.
      const from = quoted(reader.text(sourceStart, sourceEnd));
      const to = quoted(reader.text(targetStart, targetEnd));
      const unknown = [source < 0 ? from : '', target < 0 && to !== from ? to : ''].filter(Boolean).join(' and ');
      problems.add('edges must join nodes of the graph', `#${edge} ${from} → ${to} (no node ${unknown})`);
    }
    sources[edge] = source;
    targets[edge] = target;
    edge++;
  }
  return { sources, targets };
}
