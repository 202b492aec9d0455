import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../../shared/seeded-random.ts';
import { normalizedAdjacency } from '../model/adjacency.ts';
import { denseGcnScores, denseNormalizedAdjacency } from '../model/dense-reference.ts';
import { scoreGraph } from '../model/gcn.ts';
import type { Graph } from '../model/graph.ts';
import { randomFeatureModel } from '../model/models.ts';

/** A small random graph with everything the service accepts: isolated nodes, self-loops, repeated and reversed edges. */
function smallGraph(seed: number): { graph: Graph; edges: [number, number][]; rows: number[][] } {
  const random = seededRandom(seed);
  const n = 1 + Math.floor(random() * 30);
  const width = 1 + Math.floor(random() * 8);
  const edges = Array.from({ length: Math.floor(random() * 2.5 * n) }, (): [number, number] => [
    Math.floor(random() * n),
    Math.floor(random() * n),
  ]);
  if (edges.length > 0) edges.push(edges[0], [edges[0][1], edges[0][0]]); // a repeat, and the same edge reversed
  const rows = Array.from({ length: n }, () => Array.from({ length: width }, () => Math.fround(4 * random() - 2)));
  const graph: Graph = {
    ids: rows.map((_, i) => `n${i}`),
    featureWidth: width,
    features: Float32Array.from(rows.flat()),
    sources: Int32Array.from(edges, ([s]) => s),
    targets: Int32Array.from(edges, ([, t]) => t),
  };
  return { graph, edges, rows };
}

describe('the sparse GCN agrees with the dense formula', () => {
  test('Â entry by entry, on 50 random graphs', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const { graph, edges } = smallGraph(seed);
      const n = graph.ids.length;
      const sparse = normalizedAdjacency(n, graph.sources, graph.targets);
      const dense = denseNormalizedAdjacency(n, edges);
      const fromSparse = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      for (let i = 0; i < n; i++) {
        const row = [...sparse.columns.subarray(sparse.rowStart[i], sparse.rowStart[i + 1])];
        assert.deepEqual(row, [...new Set(row)].sort((a, b) => a - b), `seed ${seed}: row ${i} is sorted, no repeats`);
        for (let k = sparse.rowStart[i]; k < sparse.rowStart[i + 1]; k++) fromSparse[i][sparse.columns[k]] = sparse.weights[k];
      }
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) assert.ok(Math.abs(fromSparse[i][j] - dense[i][j]) < 1e-12, `seed ${seed}: Â[${i}][${j}]`);
      }
    }
  });

  test('scores to 1e-5, on 50 random graphs', () => {
    let compared = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const { graph, edges, rows } = smallGraph(seed);
      const weights = randomFeatureModel(seed).weightsFor(graph.featureWidth);
      const sparse = scoreGraph(graph, weights);
      const dense = denseGcnScores(edges, rows, weights);
      assert.equal(sparse.length, dense.length);
      for (let i = 0; i < dense.length; i++) {
        assert.ok(Math.abs(sparse[i] - dense[i]) <= 1e-5, `seed ${seed}, node ${i}: sparse ${sparse[i]}, dense ${dense[i]}`);
        compared++;
      }
    }
    assert.ok(compared > 500, `${compared} scores compared`);
  });
});

describe('scores depend on the graph, not on how it is listed', () => {
  test('the same graph gives the same scores, bit for bit', () => {
    const { graph } = smallGraph(7);
    const weights = randomFeatureModel().weightsFor(graph.featureWidth);
    assert.deepEqual(scoreGraph(graph, weights), scoreGraph(graph, randomFeatureModel().weightsFor(graph.featureWidth)));
  });

  test('edges shuffled, reversed, repeated, with self-loops added: the same scores, bit for bit', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { graph } = smallGraph(seed);
      const random = seededRandom(1000 + seed);
      const pairs = [...graph.sources].map((s, e): [number, number] => [s, graph.targets[e]]);
      const relisted = pairs
        .flatMap(([s, t]): [number, number][] => (random() < 0.3 ? [[t, s], [s, t]] : [random() < 0.5 ? [t, s] : [s, t]]))
        .concat([[0, 0]])
        .sort(() => random() - 0.5);
      const other: Graph = { ...graph, sources: Int32Array.from(relisted, ([s]) => s), targets: Int32Array.from(relisted, ([, t]) => t) };
      const weights = randomFeatureModel().weightsFor(graph.featureWidth);
      assert.deepEqual(scoreGraph(other, weights), scoreGraph(graph, weights), `seed ${seed}`);
    }
  });

  test('the served weights are fixed for each input width', () => {
    const model = randomFeatureModel();
    assert.deepEqual(model.weightsFor(16), model.weightsFor(16));
    assert.notDeepEqual(model.weightsFor(16).w2, model.weightsFor(17).w2);
    assert.equal(model.weightsFor(3).w1.length, 3 * 16);
  });
});
