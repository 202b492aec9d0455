// Training the two-layer GCN by plain gradient descent, semi-supervised: only
// a few nodes have labels, yet every node's score moves, because the graph
// convolution mixes each node with its neighbours. The gradients are worked
// out by hand, layer by layer, in the reverse order of gcn.ts's forward().
//
// Loss: binary cross-entropy over the labelled nodes, where label 1 means
// "in the class the score is the probability of".
import type { NormalizedAdjacency } from './adjacency.ts';
import { propagate } from './adjacency.ts';
import { forward, sigmoid, type GcnWeights } from './gcn.ts';
import { glorotWeights } from './models.ts';

export interface LabelledNode {
  node: number;
  label: 0 | 1;
}

export interface TrainingOptions {
  hiddenWidth: number;
  epochs: number;
  learningRate: number;
  /** L2 penalty on W1, as in Kipf & Welling: it keeps the many identity-feature weights small. */
  weightDecay: number;
  /** Seeds the initial weights: the only randomness in training. */
  seed: number;
}

export interface TrainingResult {
  weights: GcnWeights;
  /** The loss before each step. */
  losses: number[];
}

/** aᵀ b, for a: rows × aColumns and b: rows × bColumns, both row-major. */
function transposeTimes(a: Float32Array, rows: number, aColumns: number, b: Float64Array, bColumns: number): Float64Array {
  const out = new Float64Array(aColumns * bColumns);
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < aColumns; i++) {
      const value = a[r * aColumns + i];
      if (value === 0) continue;
      for (let j = 0; j < bColumns; j++) out[i * bColumns + j] += value * b[r * bColumns + j];
    }
  }
  return out;
}

export function trainGcn(
  adjacency: NormalizedAdjacency,
  features: Float32Array,
  featureWidth: number,
  labelled: readonly LabelledNode[],
  { hiddenWidth, epochs, learningRate, weightDecay, seed }: TrainingOptions,
): TrainingResult {
  const n = adjacency.nodeCount;
  const weights = glorotWeights(featureWidth, hiddenWidth, seed);
  const { w1, w2 } = weights;
  const losses: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const { hiddenInput, hidden, logits } = forward(adjacency, features, weights);

    // d loss / d logit is (score − label) / count for a labelled node, 0 for the rest.
    const dLogits = new Float32Array(n);
    let loss = 0;
    for (const { node, label } of labelled) {
      const score = sigmoid(logits[node]);
      loss -= Math.log(label === 1 ? score : 1 - score) / labelled.length;
      dLogits[node] = (score - label) / labelled.length;
    }
    losses.push(loss);

    // logits = Â (H1 W2). Â is symmetric, so the gradient flows back through Â itself.
    const dHW2 = propagate(adjacency, dLogits, 1);
    const dW2 = transposeTimes(hidden, n, hiddenWidth, dHW2, 1);
    // H1 = ReLU(Â X W1): through W2, then the ReLU (which passes gradient only where its input was positive), then Â.
    const dHiddenInput = new Float32Array(n * hiddenWidth);
    for (let i = 0; i < n; i++) {
      for (let h = 0; h < hiddenWidth; h++) {
        if (hiddenInput[i * hiddenWidth + h] > 0) dHiddenInput[i * hiddenWidth + h] = dHW2[i] * w2[h];
      }
    }
    const dW1 = transposeTimes(features, n, featureWidth, propagate(adjacency, dHiddenInput, hiddenWidth), hiddenWidth);

    for (let k = 0; k < w1.length; k++) w1[k] -= learningRate * (dW1[k] + weightDecay * w1[k]);
    for (let k = 0; k < w2.length; k++) w2[k] -= learningRate * dW2[k];
  }
  return { weights, losses };
}
