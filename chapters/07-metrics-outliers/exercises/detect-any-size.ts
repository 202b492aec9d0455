// Exercise 07-B: one call for requests of any size.
//
// Implement detectAnySize(calls, metrics, limitBytes): the outlier indices of
// `metrics` from a server that accepts messages of at most `limitBytes`.
//   - If the whole request fits (encodeOutliersRequest({ metrics }).length ≤
//     limitBytes), make one Detect call.
//   - Otherwise use DetectStream, in batches that each fit in limitBytes. Names
//     can be long, so count bytes, not metrics. A request's size is the sum of
//     what each of its metrics adds: encodeOutliersRequest({ metrics: [m] }).length.
//   - Every call carries a deadline (OutliersCalls' methods give one by default).
//
// Check your work: npm run exercises -- 07
import type { Metric } from '../../../generated/proto-loader/pb/Metric.ts';
import type { OutliersCalls } from '../outliers-client.ts';
import { DEFAULT_MAX_MESSAGE_BYTES } from '../outliers-service.ts';

export async function detectAnySize(calls: OutliersCalls, metrics: Metric[], limitBytes = DEFAULT_MAX_MESSAGE_BYTES): Promise<number[]> {
  // TODO: DetectStream, in batches of at most limitBytes each, when the request is too big.
  void limitBytes;
  return calls.detect({ metrics });
}
