// Exercise 12-B, a reference solution.
import type { Timestamp__Output } from '../../../../generated/proto-loader/google/protobuf/Timestamp.ts';

export function readingTimes(start: Date, count: number, stepMs: number): Timestamp__Output[] {
  return Array.from({ length: count }, (_, i) => {
    const ms = start.getTime() + i * stepMs;
    // floor, not trunc: before 1970 the seconds round down so that nanos stay positive.
    const seconds = Math.floor(ms / 1000);
    return { seconds: String(seconds), nanos: (ms - seconds * 1000) * 1_000_000 };
  });
}
