// Near-miss for exercise 12-B: the reference solution, except that it drops the milliseconds (nanos always 0).
// The exercise's test must fail against it (the workbook checks that it does).
import type { Timestamp__Output } from '../../../../generated/proto-loader/google/protobuf/Timestamp.ts';

export function readingTimes(start: Date, count: number, stepMs: number): Timestamp__Output[] {
  return Array.from({ length: count }, (_, i) => {
    const ms = start.getTime() + i * stepMs;
    // floor, not trunc: before 1970 the seconds round down so that nanos stay positive.
    const seconds = Math.floor(ms / 1000);
    return { seconds: String(seconds), nanos: 0 * ms };
  });
}
