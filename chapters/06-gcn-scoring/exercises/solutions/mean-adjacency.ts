// Exercise 06-A, a solution: normalizedAdjacency() has done the hard part
// (both directions, duplicates dropped, self-loops added, columns sorted);
// only the weights change. deg(i) is the length of row i.
import { normalizedAdjacency, type NormalizedAdjacency } from '../../model/adjacency.ts';

export function meanAdjacency(nodeCount: number, sources: Int32Array, targets: Int32Array): NormalizedAdjacency {
  const { rowStart, columns } = normalizedAdjacency(nodeCount, sources, targets);
  const weights = new Float64Array(columns.length);
  for (let i = 0; i < nodeCount; i++) {
    const degree = rowStart[i + 1] - rowStart[i];
    weights.fill(1 / degree, rowStart[i], rowStart[i + 1]);
  }
  return { nodeCount, rowStart, columns, weights };
}
