// Seeded random graphs for the tests and the benchmark: the same seed gives
// the same graph, so every run measures and checks the same thing.
import { seededRandom } from '../../shared/seeded-random.ts';
import type { GraphMessage } from '../codec/graph-encoder.ts';

export interface RandomGraphShape {
  nodes: number;
  edges: number;
  features: number;
  seed: number;
}

/**
 * Nodes "n0", "n1", … with features uniform in [-1, 1), and edges between
 * uniformly chosen nodes. Nothing stops an edge from being a self-loop or a
 * repeat; the service accepts both (adjacency.ts says how it counts them).
 */
export function randomGraph({ nodes, edges, features, seed }: RandomGraphShape): GraphMessage {
  const random = seededRandom(seed);
  const pick = () => Math.floor(random() * nodes);
  return {
    nodes: Array.from({ length: nodes }, (_, i) => ({
      id: `n${i}`,
      features: Array.from({ length: features }, () => Math.fround(2 * random() - 1)),
    })),
    edges: Array.from({ length: edges }, () => ({ source_id: `n${pick()}`, target_id: `n${pick()}` })),
  };
}

/** The benchmark's graph: 100,000 nodes, 1,000,000 edges, 16 features per node. */
export const BENCHMARK_SHAPE: RandomGraphShape = { nodes: 100_000, edges: 1_000_000, features: 16, seed: 6 };

export const benchmarkGraph = (): GraphMessage => randomGraph(BENCHMARK_SHAPE);
