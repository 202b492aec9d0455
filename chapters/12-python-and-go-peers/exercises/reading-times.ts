// Exercise 12-B: the timestamps the original client.go meant to send.
//
// The original Go client wrote `t.Add(time.Second)` and dropped the result, so
// its 1,000 readings all carried the same time. Write the TypeScript version
// that gets it right: readingTimes(start, count, stepMs) returns `count`
// google.protobuf.Timestamp values, the first at `start`, each `stepMs`
// milliseconds after the one before.
//
// A Timestamp is whole seconds since 1970-01-01T00:00:00Z plus nanoseconds,
// and its nanos are always from 0 to 999,999,999, before 1970 too:
// 1969-12-31T23:59:59.500Z is seconds -1, nanos 500,000,000. Seconds is an
// int64, which proto-loader (with the workbook's options) gives as a decimal
// string: '1590156791'.
//
// Check your work: npm run exercises -- 12
import type { Timestamp__Output } from '../../../generated/proto-loader/google/protobuf/Timestamp.ts';

export function readingTimes(start: Date, count: number, stepMs: number): Timestamp__Output[] {
  // TODO: space the readings `stepMs` apart. As it stands, this repeats the
  // original's bug: every reading at `start` (and it ignores the milliseconds).
  const seconds = String(Math.trunc(start.getTime() / 1000));
  return Array.from({ length: count }, () => ({ seconds, nanos: 0 }));
}
