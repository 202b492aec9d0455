// The data the original tutorial's Go client sends: CPU readings one second
// apart from 2020-05-22 14:13:11 UTC, uniform in [0, 40), with three outliers
// planted at indices 7, 113 and 835. Seeded, so every run sends the same numbers.
import type { Metric } from '../../../generated/proto-loader/pb/Metric.ts';
import { google } from '../../../generated/static/google/protobuf/timestamp.ts';
import { pb } from '../../../generated/static/outliers.ts';
import { seededRandom } from '../../shared/seeded-random.ts';

/** The original client's first timestamp, 2020-05-22T14:13:11Z, in Unix seconds. */
export const FIRST_SECOND = Date.UTC(2020, 4, 22, 14, 13, 11) / 1000;

/** [index, value] of the original client's planted outliers. */
export const PLANTED_OUTLIERS = [
  [7, 97.3],
  [113, 92.1],
  [835, 93.2],
] as const;

/**
 * A metric as proto-loader's plain-object type describes it, narrowed to what
 * we build: nanos is left out because it is 0, and a zero is not sent.
 */
export interface CpuMetric extends Metric {
  time: { seconds: number };
  name: string;
  value: number;
}

/** `count` readings as the original client makes them (1,000 there). */
export function cpuMetrics(count = 1_000, seed = 2020): CpuMetric[] {
  const random = seededRandom(seed);
  const metrics = new Array<CpuMetric>(count);
  for (let i = 0; i < count; i++) {
    // The Go client meant to step the time by a second and did not: t.Add
    // returns a new time, which it threw away, so all 1,000 shared one timestamp.
    metrics[i] = { time: { seconds: FIRST_SECOND + i }, name: 'CPU', value: random() * 40 };
  }
  for (const [index, value] of PLANTED_OUTLIERS) {
    if (index < count) metrics[index].value = value;
  }
  return metrics;
}

/** The same metrics as static-stub messages (google-protobuf classes). */
export function toStaticRequest(metrics: readonly CpuMetric[]): pb.OutliersRequest {
  return new pb.OutliersRequest({
    metrics: metrics.map(
      ({ time, name, value }) =>
        new pb.Metric({ time: new google.protobuf.Timestamp({ seconds: time.seconds }), name, value }),
    ),
  });
}
