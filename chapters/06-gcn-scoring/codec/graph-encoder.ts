// The client's side of the hand-written codec: a GraphData, as plain objects,
// to bytes. Sizes first (Node and Edge are length-prefixed inside GraphData),
// then one buffer, written front to back.
import type { GraphData__Output } from '../../../generated/proto-loader/GraphData.ts';
import { lenFieldSize, utf8Length, WireWriter } from './wire-writer.ts';

/**
 * A GraphData as plain objects with every field present: the shape proto-loader
 * decodes into, so requests built for one client work with the others.
 */
export type GraphMessage = GraphData__Output;

/** GraphData → protobuf bytes, as google-protobuf and protobuf.js would write them. */
export function encodeGraph(graph: GraphMessage): Buffer {
  const { nodes, edges } = graph;
  // Pass 1: the size of every Node and Edge message, and of the whole.
  const idBytes = new Int32Array(nodes.length);
  const nodeBytes = new Int32Array(nodes.length);
  const endpointBytes = new Int32Array(edges.length * 2);
  const edgeBytes = new Int32Array(edges.length);
  let total = 0;
  for (let i = 0; i < nodes.length; i++) {
    const { id, features } = nodes[i];
    idBytes[i] = utf8Length(id);
    // proto3 leaves out fields at their default: an empty id, no features.
    const size = (id === '' ? 0 : lenFieldSize(idBytes[i])) + (features.length === 0 ? 0 : lenFieldSize(features.length * 4));
    nodeBytes[i] = size;
    total += lenFieldSize(size);
  }
  for (let e = 0; e < edges.length; e++) {
    const { source_id, target_id } = edges[e];
    const source = (endpointBytes[2 * e] = utf8Length(source_id));
    const target = (endpointBytes[2 * e + 1] = utf8Length(target_id));
    const size = (source === 0 ? 0 : lenFieldSize(source)) + (target === 0 ? 0 : lenFieldSize(target));
    edgeBytes[e] = size;
    total += lenFieldSize(size);
  }

  // Pass 2: write. Field numbers as in protos/gcn.proto.
  const out = new WireWriter(total);
  for (let i = 0; i < nodes.length; i++) {
    const { id, features } = nodes[i];
    out.lenField(1, nodeBytes[i]); // GraphData.nodes
    if (id !== '') out.stringField(1, id, idBytes[i]); // Node.id
    if (features.length > 0) {
      out.lenField(2, features.length * 4); // Node.features, packed
      for (const value of features) out.float32(value);
    }
  }
  for (let e = 0; e < edges.length; e++) {
    const { source_id, target_id } = edges[e];
    out.lenField(2, edgeBytes[e]); // GraphData.edges
    if (source_id !== '') out.stringField(1, source_id, endpointBytes[2 * e]); // Edge.source_id
    if (target_id !== '') out.stringField(2, target_id, endpointBytes[2 * e + 1]); // Edge.target_id
  }
  return out.finish();
}
