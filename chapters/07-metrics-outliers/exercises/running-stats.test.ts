import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importExercise } from '../../shared/exercise.ts';
import { cpuMetrics } from '../model/original-dataset.ts';

const { RunningStats } = await importExercise<typeof import('./running-stats.ts')>(import.meta.url, 'running-stats.ts');

function statsOf(values: number[]) {
  const stats = new RunningStats();
  for (const value of values) stats.add(value);
  return stats;
}

/** The two-pass answer, for comparison: mean first, then squared deviations from it. */
function twoPass(values: number[]) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, stdDev: Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length) };
}

const close = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual}, expected ${expected}`);

test('no values: count 0, mean 0, σ 0', () => {
  const stats = new RunningStats();
  assert.deepEqual([stats.count, stats.mean, stats.stdDev], [0, 0, 0]);
});

test('2, 4, 4, 4, 5, 5, 7, 9: mean 5, population σ 2', () => {
  const stats = statsOf([2, 4, 4, 4, 5, 5, 7, 9]);
  assert.equal(stats.count, 8);
  close(stats.mean, 5, 'mean');
  close(stats.stdDev, 2, 'σ');
});

test('the CPU readings: as the two-pass method', () => {
  const values = cpuMetrics().map(({ value }) => value);
  const stats = statsOf(values);
  const expected = twoPass(values);
  close(stats.mean, expected.mean, 'mean');
  close(stats.stdDev, expected.stdDev, 'σ');
});

test('the CPU readings plus 10^9: σ does not change when every value is shifted', () => {
  const values = cpuMetrics().map(({ value }) => value);
  const shifted = statsOf(values.map((value) => value + 1e9));
  close(shifted.mean, twoPass(values).mean + 1e9, 'mean');
  // Welford loses a little to rounding at this size; the textbook formula loses everything.
  assert.ok(Math.abs(shifted.stdDev - twoPass(values).stdDev) < 1e-6, `σ ${shifted.stdDev}, expected ${twoPass(values).stdDev}`);
});

test('a million equal values: σ exactly 0, never NaN', () => {
  const stats = new RunningStats();
  for (let i = 0; i < 1_000_000; i++) stats.add(0.1);
  assert.equal(stats.stdDev, 0);
  close(stats.mean, 0.1, 'mean');
});
