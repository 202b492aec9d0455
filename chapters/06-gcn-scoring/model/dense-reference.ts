// The same two-layer GCN the plain way, with dense n × n matrices, straight
// from the formula. Far too slow and big for real graphs (n² numbers), but
// plainly right, which is what the tests compare the sparse version with.
import type { GcnWeights } from './gcn.ts';

type Matrix = number[][];

const multiply = (a: Matrix, b: Matrix): Matrix =>
  a.map((row) => b[0].map((_, j) => row.reduce((sum, value, k) => sum + value * b[k][j], 0)));

/** Â = D^-1/2 (A + I) D^-1/2 for nodes 0 … n−1, edges as index pairs. */
export function denseNormalizedAdjacency(n: number, edges: readonly [number, number][]): Matrix {
  // A + I over the undirected edge set: an entry is 1 however often an edge is listed.
  const a: Matrix = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (const [s, t] of edges) {
    a[s][t] = 1;
    a[t][s] = 1;
  }
  const degree = a.map((row) => row.reduce((sum, value) => sum + value, 0));
  return a.map((row, i) => row.map((value, j) => value / Math.sqrt(degree[i] * degree[j])));
}

/** One score per node; `features` has one row per node. */
export function denseGcnScores(edges: readonly [number, number][], features: Matrix, weights: GcnWeights): number[] {
  const aHat = denseNormalizedAdjacency(features.length, edges);
  const { inputWidth, hiddenWidth } = weights;
  const w1: Matrix = Array.from({ length: inputWidth }, (_, f) => [...weights.w1.subarray(f * hiddenWidth, (f + 1) * hiddenWidth)]);
  const w2: Matrix = [...weights.w2].map((value) => [value]);
  // Left to right, as the formula reads: (Â X) W1, then (Â H1) W2.
  const hidden = multiply(multiply(aHat, features), w1).map((row) => row.map((value) => Math.max(0, value)));
  const logits = multiply(multiply(aHat, hidden), w2);
  return logits.map(([z]) => 1 / (1 + Math.exp(-z)));
}
