// The original tutorial's metrics, as the TypeScript client sends them: 1,000
// CPU readings in [0, 40), one second apart from 2020-05-22 14:13:11 UTC, with
// outliers planted at indices 7, 113 and 835. The Python and Go clients build
// the same set with their own seeded generators: the values differ, the
// planted outliers and the answer, [7, 113, 835], do not.
import type { Metric } from '../../../generated/proto-loader/pb/Metric.ts';
import { seededRandom } from '../../shared/seeded-random.ts';

export const READINGS = 1_000;
export const FIRST_READING_SECONDS = Date.UTC(2020, 4, 22, 14, 13, 11) / 1000;
export const PLANTED_OUTLIERS: ReadonlyMap<number, number> = new Map([
  [7, 97.3],
  [113, 92.1],
  [835, 93.2],
]);

export function originalDataSet(): Metric[] {
  const random = seededRandom(2020);
  return Array.from({ length: READINGS }, (_, i) => ({
    time: { seconds: FIRST_READING_SECONDS + i, nanos: 0 },
    name: 'CPU',
    value: PLANTED_OUTLIERS.get(i) ?? random() * 40,
  }));
}

/** Metrics with nothing but a value: the detector reads nothing else. */
export function valuesOnly(...values: number[]): Metric[] {
  return values.map((value) => ({ value }));
}
