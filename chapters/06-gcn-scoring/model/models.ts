// Where the served weights come from.
//
// The original tutorial's service "runs a GCN" on graphs whose nodes may have
// any number of features, and never says which trained weights it uses. We
// cannot train for inputs we have never seen, so the default model is honest
// about what it is: an untrained, random-feature GCN whose weights are drawn
// from a fixed seed for each input width. Its scores are a deterministic
// function of the graph's structure and features (the same graph always gets
// the same scores, on any machine), but they are not predictions of anything.
// To predict, train the weights on labelled data (train.ts does, for the
// karate club) and serve them with trainedModel().
import { status } from '@grpc/grpc-js';
import { seededRandom } from '../../shared/seeded-random.ts';
import { RpcError } from '../../shared/rpc-error.ts';
import type { GcnWeights } from './gcn.ts';

export interface GcnModel {
  /** For the server's log and the transcript. */
  readonly description: string;
  /** Weights for nodes of `featureWidth` features; INVALID_ARGUMENT if the model takes another width. */
  weightsFor(featureWidth: number): GcnWeights;
}

export const HIDDEN_UNITS = 16;
export const SERVED_MODEL_SEED = 2017; // Kipf & Welling's year; any fixed number does

/**
 * Glorot (Xavier) uniform initialisation: values in ±√(6 / (fan in + fan out)),
 * which keeps a layer's outputs about as spread out as its inputs.
 */
export function glorotWeights(inputWidth: number, hiddenWidth: number, seed: number): GcnWeights {
  const random = seededRandom(seed);
  const uniform = (fanIn: number, fanOut: number, count: number) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return Float64Array.from({ length: count }, () => (2 * random() - 1) * limit);
  };
  return {
    inputWidth,
    hiddenWidth,
    w1: uniform(inputWidth, hiddenWidth, inputWidth * hiddenWidth),
    w2: uniform(hiddenWidth, 1, hiddenWidth),
  };
}

/** The default: fixed random weights for whatever width the graph has. */
export function randomFeatureModel(seed = SERVED_MODEL_SEED): GcnModel {
  return {
    description: `untrained random-feature GCN (seed ${seed}, ${HIDDEN_UNITS} hidden units)`,
    // Drawing F × 16 numbers takes microseconds; a cache would only add a memory bound to get right.
    weightsFor: (featureWidth) => glorotWeights(featureWidth, HIDDEN_UNITS, seed + featureWidth),
  };
}

/** Trained weights, which only fit graphs with the features they were trained on. */
export function trainedModel(weights: GcnWeights, description: string): GcnModel {
  return {
    description,
    weightsFor(featureWidth) {
      if (featureWidth !== weights.inputWidth) {
        throw new RpcError(
          status.INVALID_ARGUMENT,
          `this model (${description}) takes ${weights.inputWidth} features per node; the graph's nodes have ${featureWidth}`,
        );
      }
      return weights;
    },
  };
}
