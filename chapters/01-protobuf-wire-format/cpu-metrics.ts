// A realistic message for size and speed comparisons: a batch of CPU readings,
// one a second, as the metrics tutorial's Go client sends them.
import { pb } from '../../generated/static/outliers.ts';
import { google } from '../../generated/static/google/protobuf/timestamp.ts';
import { seededRandom } from '../shared/seeded-random.ts';

export interface PlainMetric {
  /** RFC 3339, the proto3 JSON form of google.protobuf.Timestamp. */
  time: string;
  name: string;
  value: number;
}

export const FIRST_READING = Date.UTC(2026, 0, 1, 12, 0, 0);

/** `count` readings one second apart, values from 0 to 40 inclusive (rounded to two decimals). */
export function cpuReadings(count: number, seed = 7): PlainMetric[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => ({
    time: new Date(FIRST_READING + i * 1000).toISOString().replace('.000Z', 'Z'),
    name: 'cpu',
    value: Math.round(random() * 4000) / 100,
  }));
}

export function toOutliersRequest(readings: PlainMetric[]): pb.OutliersRequest {
  return new pb.OutliersRequest({
    metrics: readings.map(
      ({ time, name, value }) =>
        new pb.Metric({
          time: new google.protobuf.Timestamp({ seconds: Date.parse(time) / 1000, nanos: 0 }),
          name,
          value,
        }),
    ),
  });
}
