// Exercise 06-A: mean aggregation instead of symmetric normalisation.
//
// The chapter's GCN multiplies by Â = D^-1/2 (A + I) D^-1/2. Another common
// choice is the plain average of a node's own row and its neighbours' rows:
// M = D^-1 (A + I), so row i of M has the value 1 / deg(i) in each of its
// columns (deg counting the node itself). Write meanAdjacency(), returning M
// in the same CSR form as normalizedAdjacency() in ../model/adjacency.ts:
//   - the same edge-set rules: undirected, an edge listed twice is one edge,
//     a self-loop in the input adds nothing (every node has its own already);
//   - columns increasing within each row;
//   - every row's weights sum to 1.
// propagate(meanAdjacency(...), x, width) then averages over neighbourhoods.
//
// Check your work: npm run exercises -- 06
import type { NormalizedAdjacency } from '../model/adjacency.ts';

export function meanAdjacency(nodeCount: number, sources: Int32Array, targets: Int32Array): NormalizedAdjacency {
  // TODO: build M. Hint: normalizedAdjacency() already finds each row's columns.
  void sources;
  void targets;
  return { nodeCount, rowStart: new Int32Array(nodeCount + 1), columns: new Int32Array(0), weights: new Float64Array(0) };
}
