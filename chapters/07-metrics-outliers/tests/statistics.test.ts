import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { columnsOf, ColumnsCollector } from '../model/metric-columns.ts';
import { cpuMetrics, FIRST_SECOND } from '../model/original-dataset.ts';
import { detectOutliers, outlierPositions } from '../model/statistics.ts';

const positions = (values: number[]) => outlierPositions(Float64Array.from(values));
const cpuValues = () => Float64Array.from(cpuMetrics(), ({ value }) => value);

describe('the original data', () => {
  test('1,000 CPU readings one second apart from 14:13:11, in [0, 40) but for the three planted outliers', () => {
    const metrics = cpuMetrics();
    assert.equal(metrics.length, 1000);
    assert.equal(new Date(FIRST_SECOND * 1000).toISOString(), '2020-05-22T14:13:11.000Z');
    assert.deepEqual(metrics.map(({ time }) => time.seconds - FIRST_SECOND), Array.from({ length: 1000 }, (_, i) => i));
    assert.deepEqual(metrics.filter(({ value }) => !(value >= 0 && value < 40)).map(({ value }) => value), [97.3, 92.1, 93.2]);
    assert.deepEqual(cpuMetrics(), metrics, 'seeded: the same every time');
  });

  test('the 2σ rule finds exactly [7, 113, 835]', () => {
    assert.deepEqual(outlierPositions(cpuValues()), [7, 113, 835]);
  });
});

describe('outlierPositions: more than 2 population σ from the mean', () => {
  test('no values, one value, or all values equal: no outliers', () => {
    assert.deepEqual(positions([]), []);
    assert.deepEqual(positions([42]), []);
    assert.deepEqual(positions([5, 5, 5, 5]), []);
    // Their computed mean is 0.09999999999999999, not 0.1: only the explicit
    // all-equal check keeps every value from being "more than 2σ away".
    assert.notEqual(Array(10).fill(0.1).reduce((a, b) => a + b) / 10, 0.1);
    assert.deepEqual(positions(Array(10).fill(0.1)), []);
  });

  test('"more than" is strict: a value exactly 2σ away is not an outlier', () => {
    // mean 1, σ = 2, and 5 is exactly 4 = 2σ from the mean.
    assert.deepEqual(positions([0, 0, 0, 0, 5]), []);
    assert.deepEqual(positions([0, 0, 0, 0, 0, 6]), [5]);
  });

  test('the tutorial\'s example [1, 2, 100, 1, 3, 200, 1] gives [5], not the [2, 5] its text claims', () => {
    // mean 44, σ ≈ 72.2: 100 is 56 from the mean, under 2σ ≈ 144.4; only 200 (156 away) is over.
    assert.deepEqual(positions([1, 2, 100, 1, 3, 200, 1]), [5]);
  });

  test('σ is the population σ, as numpy\'s std(): divide by n, not n - 1', () => {
    // mean 5/6; population σ ≈ 1.462 puts 2σ at 2.925, and 4 is 3.167 away. The
    // sample σ (÷ 5) ≈ 1.602 would put 2σ at 3.204 and find nothing.
    assert.deepEqual(positions([0, 0, 0, 0, 1, 4]), [5]);
  });

  test('a shift of 10^9 changes nothing: the two-pass sums do not cancel catastrophically', () => {
    const shifted = cpuValues().map((value) => value + 1e9);
    assert.deepEqual(outlierPositions(shifted), [7, 113, 835]);
    // The one-pass textbook formula E[x²] - E[x]² computes a negative variance here.
    const n = shifted.length;
    const mean = shifted.reduce((a, b) => a + b) / n;
    const naiveVariance = shifted.reduce((a, b) => a + b * b, 0) / n - mean * mean;
    assert.equal(naiveVariance, -128);
  });

  test('values near the top of the double range: scaled, not overflowed', () => {
    assert.deepEqual(outlierPositions(cpuValues().map((value) => value * 1e306)), [7, 113, 835]);
    assert.deepEqual(positions([...Array(9).fill(1e308), -1e308]), [9]);
    assert.deepEqual(positions([Number.MAX_VALUE, -Number.MAX_VALUE]), []);
  });
});

describe('detectOutliers: per name, finite values only', () => {
  test('each name is judged on its own, positions are in the whole list', () => {
    const cpu = cpuMetrics();
    // Memory readings interleaved after every CPU reading: CPU i lands at 2i, Memory i at 2i + 1.
    const memory = cpu.map((_, i) => ({ name: 'Memory', value: i === 500 ? 9e9 : 2e9 + (i % 10) * 1e6 }));
    const mixed = cpu.flatMap((metric, i) => [metric, memory[i]]);
    assert.deepEqual(detectOutliers(columnsOf(mixed)), [14, 226, 1001, 1670]);
    // Pooled together, every Memory reading would be "normal" and no CPU one could stand out.
    assert.deepEqual(outlierPositions(Float64Array.from(mixed, ({ value }) => value)), [1001]);
  });

  test('NaN and infinities are INVALID_ARGUMENT naming the first one', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const metrics = [1, 2, 3, bad, bad].map((value) => ({ name: 'CPU', value }));
      assert.throws(() => detectOutliers(columnsOf(metrics)), {
        code: status.INVALID_ARGUMENT,
        details: `metrics[3].value is ${bad}; values must be finite numbers`,
      });
    }
  });
});

describe('ColumnsCollector: the batches of one stream', () => {
  test('appends batches end to end, one name table across them', () => {
    const collector = new ColumnsCollector(10);
    collector.append(columnsOf([{ name: 'a', value: 1 }, { name: 'b', value: 2 }]));
    collector.append(columnsOf([{ name: 'b', value: 3 }, { name: 'c', value: 4 }, { name: 'a', value: 5 }]));
    const { values, nameIds, names } = collector.columns();
    assert.deepEqual(Array.from(values), [1, 2, 3, 4, 5]);
    assert.deepEqual(Array.from(nameIds, (id) => names[id]), ['a', 'b', 'b', 'c', 'a']);
  });

  test('grows past its first capacity, and refuses the batch that would pass the cap', () => {
    const collector = new ColumnsCollector(5_000);
    const batch = columnsOf(cpuMetrics(2_000));
    collector.append(batch);
    collector.append(batch);
    assert.throws(() => collector.append(batch), {
      code: status.RESOURCE_EXHAUSTED,
      details: 'a stream may carry at most 5,000 metrics; this batch brings it to 6,000',
    });
    assert.equal(collector.count, 4_000);
    assert.deepEqual(Array.from(collector.columns().values.subarray(1_998, 2_002)), Array.from([...batch.values.subarray(1_998), ...batch.values.subarray(0, 2)]));
  });
});
