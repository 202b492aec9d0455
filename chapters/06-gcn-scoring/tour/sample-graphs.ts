// The small graphs the tour, the client half and the tests send.
import { encodeGraph, type GraphMessage } from '../codec/graph-encoder.ts';
import { MAX_FEATURES_PER_NODE } from '../model/graph.ts';

/** The original tutorial's example: two nodes of three features, one edge. */
export const TUTORIAL_GRAPH: GraphMessage = {
  nodes: [
    { id: 'node1', features: [0.1, 0.2, 0.3] },
    { id: 'node2', features: [0.4, 0.5, 0.6] },
  ],
  edges: [{ source_id: 'node1', target_id: 'node2' }],
};

/** The same graph, with its one edge listed again backwards and twice more, and a self-loop. */
export const TUTORIAL_GRAPH_WITH_REPEATS: GraphMessage = {
  nodes: TUTORIAL_GRAPH.nodes,
  edges: [
    { source_id: 'node1', target_id: 'node2' },
    { source_id: 'node2', target_id: 'node1' },
    { source_id: 'node1', target_id: 'node2' },
    { source_id: 'node1', target_id: 'node1' },
  ],
};

const node = (id: string, ...features: number[]) => ({ id, features });
const edge = (source_id: string, target_id: string) => ({ source_id, target_id });

/** One graph per mistake the service refuses, each with INVALID_ARGUMENT. */
export const BAD_GRAPHS: Record<string, GraphMessage> = {
  'an edge to a node that is not there': {
    nodes: [node('a', 1), node('b', 2)],
    edges: [edge('a', 'b'), edge('b', 'c')],
  },
  'the same id twice': {
    nodes: [node('a', 1), node('b', 2), node('a', 3)],
    edges: [],
  },
  'feature vectors of different lengths': {
    nodes: [node('a', 1, 2, 3), node('b', 1, 2), node('c', 1, 2, 3)],
    edges: [edge('a', 'b')],
  },
  'NaN and infinite features': {
    nodes: [node('a', 1, Number.NaN), node('b', Number.POSITIVE_INFINITY, 0)],
    edges: [],
  },
  'no nodes at all': { nodes: [], edges: [] },
};

/**
 * A request just over grpc-js's default 4 MiB message limit (4,201,142
 * bytes), encoded once: 256 nodes of MAX_FEATURES_PER_NODE features each,
 * joined in a ring. Wide nodes are the cheapest way to megabytes: few objects.
 */
const WIDE_ROW = Array.from({ length: MAX_FEATURES_PER_NODE }, (_, k) => (k % 100) / 100);
export const JUST_OVER_4_MIB: Buffer = encodeGraph({
  // Only the size matters here, so every node shares one row of features.
  nodes: Array.from({ length: 256 }, (_, i) => ({ id: `w${i}`, features: WIDE_ROW })),
  edges: Array.from({ length: 256 }, (_, i) => ({ source_id: `w${i}`, target_id: `w${(i + 1) % 256}` })),
});

/** For the transcript: JSON shows NaN and Infinity as null, so name them. */
export function printable(graph: GraphMessage): object {
  return {
    ...graph,
    nodes: graph.nodes.map(({ id, features }) => ({ id, features: features.map((x) => (Number.isFinite(x) ? x : String(x))) })),
  };
}
