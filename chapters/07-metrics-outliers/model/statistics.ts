// The original Python server's detector, np.abs(data - data.mean()) > 2 * data.std():
// a value is an outlier when it lies more than two standard deviations from
// the mean. numpy's std() is the population σ (divide by n, not n - 1).
import { status } from '@grpc/grpc-js';
import { RpcError } from '../../shared/rpc-error.ts';
import type { MetricColumns } from './metric-columns.ts';

export const SIGMAS = 2;

/** Refuses the first value that is NaN or infinite, naming its index. */
export function checkFinite(values: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RpcError(status.INVALID_ARGUMENT, `metrics[${i}].value is ${values[i]}; values must be finite numbers`);
    }
  }
}

/** Positions of the values more than SIGMAS σ from their mean, ascending. Values must be finite. */
export function outlierPositions(values: Float64Array): number[] {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  // All equal (and so also n ≤ 1): σ = 0 and nothing is an outlier. This must
  // be said outright: in floating point the mean of equal values can miss them
  // (ten 0.1s average 0.09999999999999999), and whether that tiny distance
  // came out "more than 2σ" would depend on how the rounding in σ fell.
  if (!(max > min)) return [];
  // Near the top of the double range the sums below would overflow. Scaling
  // by a power of two is exact and cannot change which values are outliers.
  const largest = Math.max(-min, max);
  const scale = largest > 2 ** 480 ? 2 ** -Math.ceil(Math.log2(largest)) : 1;

  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] * scale;
  const roughMean = sum / n;
  // Second pass, over deviations from that mean. Their sum would be 0 in exact
  // arithmetic; what is left is the rounding error of the mean, and it corrects
  // both the mean and the variance (the "corrected two-pass" algorithm).
  let squares = 0;
  let deviations = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] * scale - roughMean;
    squares += d * d;
    deviations += d;
  }
  const mean = roughMean + deviations / n;
  const sigma = Math.sqrt(Math.max(0, (squares - (deviations * deviations) / n) / n));

  const limit = SIGMAS * sigma;
  const positions: number[] = [];
  for (let i = 0; i < n; i++) {
    if (Math.abs(values[i] * scale - mean) > limit) positions.push(i);
  }
  return positions;
}

/**
 * The outliers among `columns`, judged separately for each metric name: a
 * mean over CPU percentages and memory bytes together would mean nothing.
 * Returns positions in the whole list, ascending.
 */
export function detectOutliers({ values, nameIds, names }: MetricColumns): number[] {
  checkFinite(values);
  if (names.length <= 1) return outlierPositions(values);
  // Sort positions by name (a counting sort), so each name's values sit together.
  const starts = new Uint32Array(names.length + 1);
  for (let i = 0; i < nameIds.length; i++) starts[nameIds[i] + 1]++;
  for (let id = 0; id < names.length; id++) starts[id + 1] += starts[id];
  const next = starts.slice(0, names.length);
  const positionOf = new Uint32Array(values.length);
  const grouped = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const slot = next[nameIds[i]]++;
    positionOf[slot] = i;
    grouped[slot] = values[i];
  }
  const found: number[] = [];
  for (let id = 0; id < names.length; id++) {
    for (const p of outlierPositions(grouped.subarray(starts[id], starts[id + 1]))) found.push(positionOf[starts[id] + p]);
  }
  return found.sort((a, b) => a - b);
}
