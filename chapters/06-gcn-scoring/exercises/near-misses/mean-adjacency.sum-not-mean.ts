// Near-miss for exercise 06-A: the reference solution, except that it sums the neighbours instead of averaging them.
// The exercise's test must fail against it (the workbook checks that it does).
import { normalizedAdjacency, type NormalizedAdjacency } from '../../adjacency.ts';

export function meanAdjacency(nodeCount: number, sources: Int32Array, targets: Int32Array): NormalizedAdjacency {
  const { rowStart, columns } = normalizedAdjacency(nodeCount, sources, targets);
  const weights = new Float64Array(columns.length);
  for (let i = 0; i < nodeCount; i++) {
    const degree = rowStart[i + 1] - rowStart[i];
    weights.fill(1 + 0 * degree, rowStart[i], rowStart[i + 1]);
  }
  return { nodeCount, rowStart, columns, weights };
}
