import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importExercise } from '../../shared/exercise.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { propagate, type NormalizedAdjacency } from '../model/adjacency.ts';

const { meanAdjacency } = await importExercise<typeof import('./mean-adjacency.ts')>(import.meta.url, 'mean-adjacency.ts');

/** Row by row: [column, weight] pairs. */
function rows({ nodeCount, rowStart, columns, weights }: NormalizedAdjacency): [number, number][][] {
  return Array.from({ length: nodeCount }, (_, i) =>
    Array.from({ length: rowStart[i + 1] - rowStart[i] }, (_, k): [number, number] => [columns[rowStart[i] + k], weights[rowStart[i] + k]]),
  );
}

const edges = (pairs: [number, number][]) => ({ sources: Int32Array.from(pairs, ([s]) => s), targets: Int32Array.from(pairs, ([, t]) => t) });

test('a path 0 – 1 – 2: each node averages itself and its neighbours', () => {
  const { sources, targets } = edges([[0, 1], [2, 1]]);
  assert.deepEqual(rows(meanAdjacency(3, sources, targets)), [
    [[0, 1 / 2], [1, 1 / 2]],
    [[0, 1 / 3], [1, 1 / 3], [2, 1 / 3]],
    [[1, 1 / 2], [2, 1 / 2]],
  ]);
});

test('an isolated node keeps its own row', () => {
  const { sources, targets } = edges([]);
  assert.deepEqual(rows(meanAdjacency(2, sources, targets)), [[[0, 1]], [[1, 1]]]);
});

test('repeated and reversed edges and self-loops change nothing', () => {
  const plain = edges([[0, 1], [1, 2]]);
  const noisy = edges([[1, 0], [0, 1], [1, 2], [2, 1], [1, 2], [0, 0], [2, 2]]);
  assert.deepEqual(rows(meanAdjacency(3, noisy.sources, noisy.targets)), rows(meanAdjacency(3, plain.sources, plain.targets)));
});

test('on random graphs: sorted columns, rows that sum to 1, and averaging a constant leaves it constant', () => {
  for (let seed = 1; seed <= 20; seed++) {
    const random = seededRandom(seed);
    const n = 2 + Math.floor(random() * 40);
    const pairs = Array.from({ length: 3 * n }, (): [number, number] => [Math.floor(random() * n), Math.floor(random() * n)]);
    const { sources, targets } = edges(pairs);
    const matrix = meanAdjacency(n, sources, targets);
    const neighbours = Array.from({ length: n }, (_, i) => new Set([i]));
    for (const [s, t] of pairs) {
      neighbours[s].add(t);
      neighbours[t].add(s);
    }
    rows(matrix).forEach((row, i) => {
      assert.deepEqual(row.map(([column]) => column), [...neighbours[i]].sort((a, b) => a - b), `seed ${seed}, row ${i}`);
      assert.ok(Math.abs(row.reduce((sum, [, weight]) => sum + weight, 0) - 1) < 1e-12, `seed ${seed}, row ${i} sums to 1`);
    });
    const averaged = propagate(matrix, new Float32Array(n * 2).fill(5), 2);
    assert.ok(averaged.every((value) => Math.abs(value - 5) < 1e-12), `seed ${seed}`);
  }
});
