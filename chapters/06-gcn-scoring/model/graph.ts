// A graph as the model reads it: ids once, everything else in typed arrays,
// with nodes referred to by their position. This is what the server decodes a
// GraphData request into (graph-decoder.ts), and what the GCN works on.

export interface Graph {
  /** Node i's id, in the order the request listed the nodes. */
  readonly ids: readonly string[];
  /** How many features each node has (the same for every node). */
  readonly featureWidth: number;
  /** Row-major: node i's features are features[i * featureWidth, (i + 1) * featureWidth). */
  readonly features: Float32Array;
  /** Edge e joins nodes sources[e] and targets[e]. Direction does not matter; see adjacency.ts. */
  readonly sources: Int32Array;
  readonly targets: Int32Array;
}

/** Beyond this, the first layer's weights alone would take more memory than a request should cost. */
export const MAX_FEATURES_PER_NODE = 4_096;
