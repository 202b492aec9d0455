// A two-layer graph convolutional network (Kipf & Welling, 2017):
//
//   H1     = ReLU(Â X W1)        X: n × F features,  W1: F × H
//   logits = Â H1 W2             W2: H × 1, one output unit per node
//   score  = sigmoid(logits)     one number in (0, 1) per node
//
// Matrix products associate, so the order is ours to choose: X W1 comes
// before Â, so that the sparse product carries H columns whatever F is, and
// H1 W2 before Â, so that the second carries one column instead of H.
// Sums are float64; the matrices that Â multiplies are stored as float32
// (see propagate), and the reply is float32, the proto's `float`.
import { normalizedAdjacency, propagate, type NormalizedAdjacency } from './adjacency.ts';
import type { Graph } from './graph.ts';

export interface GcnWeights {
  /** F: features per node. */
  readonly inputWidth: number;
  /** H: units in the hidden layer. */
  readonly hiddenWidth: number;
  /** F × H, row-major. */
  readonly w1: Float64Array;
  /** H × 1. */
  readonly w2: Float64Array;
}

/** The intermediate values of one forward pass, which training needs for its gradients. */
export interface ForwardPass {
  /** Â X W1, before the ReLU: n × H. */
  readonly hiddenInput: Float64Array;
  /** ReLU of that: n × H. */
  readonly hidden: Float32Array;
  /** Â H1 W2: n. */
  readonly logits: Float64Array;
}

/**
 * a (rows × inner, row-major) times b (inner × columns), summed in float64,
 * stored as float32 for propagate(). Eight output columns at a time, their
 * sums in local variables, as in propagate(): three times faster than one.
 */
export function matmul(a: Float32Array, rows: number, inner: number, b: Float64Array, columns: number): Float32Array {
  const out = new Float32Array(rows * columns);
  for (let r = 0; r < rows; r++) {
    const row = r * inner;
    const to = r * columns;
    let c = 0;
    for (; c + 8 <= columns; c += 8) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (let k = 0; k < inner; k++) {
        const value = a[row + k];
        const at = k * columns + c;
        s0 += value * b[at];
        s1 += value * b[at + 1];
        s2 += value * b[at + 2];
        s3 += value * b[at + 3];
        s4 += value * b[at + 4];
        s5 += value * b[at + 5];
        s6 += value * b[at + 6];
        s7 += value * b[at + 7];
      }
      out[to + c] = s0;
      out[to + c + 1] = s1;
      out[to + c + 2] = s2;
      out[to + c + 3] = s3;
      out[to + c + 4] = s4;
      out[to + c + 5] = s5;
      out[to + c + 6] = s6;
      out[to + c + 7] = s7;
    }
    for (; c < columns; c++) {
      let sum = 0;
      for (let k = 0; k < inner; k++) sum += a[row + k] * b[k * columns + c];
      out[to + c] = sum;
    }
  }
  return out;
}

export function forward(adjacency: NormalizedAdjacency, features: Float32Array, weights: GcnWeights): ForwardPass {
  const n = adjacency.nodeCount;
  const { inputWidth, hiddenWidth, w1, w2 } = weights;
  const hiddenInput = propagate(adjacency, matmul(features, n, inputWidth, w1, hiddenWidth), hiddenWidth);
  const hidden = new Float32Array(hiddenInput.length);
  for (let k = 0; k < hidden.length; k++) hidden[k] = hiddenInput[k] > 0 ? hiddenInput[k] : 0; // ReLU
  const logits = propagate(adjacency, matmul(hidden, n, hiddenWidth, w2, 1), 1);
  return { hiddenInput, hidden, logits };
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** One score per node of `graph`, in the order of graph.ids. */
export function scoreGraph(graph: Graph, weights: GcnWeights): Float32Array {
  const adjacency = normalizedAdjacency(graph.ids.length, graph.sources, graph.targets);
  const { logits } = forward(adjacency, graph.features, weights);
  const scores = new Float32Array(logits.length);
  for (let i = 0; i < logits.length; i++) scores[i] = sigmoid(logits[i]);
  return scores;
}
