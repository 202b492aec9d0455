// Reference solution for exercise 07-B.
import type { Metric } from '../../../../generated/proto-loader/pb/Metric.ts';
import type { OutliersCalls } from '../../outliers-client.ts';
import { DEFAULT_MAX_MESSAGE_BYTES } from '../../outliers-service.ts';
import { encodeOutliersRequest } from '../../codec/request-encoder.ts';

export async function detectAnySize(calls: OutliersCalls, metrics: Metric[], limitBytes = DEFAULT_MAX_MESSAGE_BYTES): Promise<number[]> {
  if (encodeOutliersRequest({ metrics }).length <= limitBytes) return calls.detect({ metrics });
  // Greedy batches: add metrics while the batch still fits. A repeated field is
  // its elements' encodings one after another, so sizes simply add up.
  const batches: Metric[][] = [[]];
  let batchBytes = 0;
  for (const metric of metrics) {
    const bytes = encodeOutliersRequest({ metrics: [metric] }).length;
    if (bytes > limitBytes) throw new RangeError(`one metric takes ${bytes} bytes, more than the ${limitBytes}-byte limit`);
    if (batchBytes + bytes > limitBytes) {
      batches.push([]);
      batchBytes = 0;
    }
    batches.at(-1)!.push(metric);
    batchBytes += bytes;
  }
  return calls.detectStream(batches);
}
