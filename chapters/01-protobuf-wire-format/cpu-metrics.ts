// A realistic message for size and speed comparisons: a batch of CPU readings,
// one a second, as the metrics tutorial's Go client sends them.
import { pb } from '../../generated/static/outliers.ts';
import { google } from '../../generated/static/google/protobuf/timestamp.ts';

/** A small seeded generator (mulberry32), so every run measures the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export interface PlainMetric {
  /** RFC 3339, the proto3 JSON form of google.protobuf.Timestamp. */
  time: string;
  name: string;
  value: number;
}

export const FIRST_READING = Date.UTC(2026, 0, 1, 12, 0, 0);

/** `count` readings one second apart, values in [0, 40) with two decimals. */
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
