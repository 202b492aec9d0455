// The calls this chapter makes against any Outliers server, shared by the
// tour (index.ts) and the client half (client.ts): the original client's
// request, then the inputs a careful server must answer sensibly.
import { status } from '@grpc/grpc-js';
import type { Metric } from '../../generated/proto-loader/pb/Metric.ts';
import { pb } from '../../generated/static/outliers.ts';
import { isServiceError } from '../shared/client.ts';
import type { Transcript } from '../shared/transcript.ts';
import { cpuMetrics, type CpuMetric } from './model/original-dataset.ts';
import { batchesOf, OutliersCalls } from './outliers-client.ts';
import { encodeOutliersRequest } from './codec/request-encoder.ts';

const { Detect, DetectStream } = pb.UnimplementedOutliersService.definition;

export interface WalkthroughResult {
  /** The reply to the original client's request. */
  original: number[];
  /** Status names of the requests that were refused, in order. */
  refused: string[];
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
const show = ({ time, name, value }: CpuMetric) => `{ time: ${iso(time.seconds)}, name: "${name}", value: ${value.toFixed(2)} }`;

export async function walkThrough(address: string, t: Transcript): Promise<WalkthroughResult> {
  const calls = new OutliersCalls(address);
  const result: WalkthroughResult = { original: [], refused: [] };

  // Sends one Detect, narrates it, and records the reply or the refusal.
  async function detect(what: string, metrics: Metric[]): Promise<number[]> {
    t.sent(Detect.path, `${what} (${encodeOutliersRequest({ metrics }).length.toLocaleString('en-US')} bytes)`);
    try {
      const indices = await calls.detect({ metrics });
      t.received({ indices });
      return indices;
    } catch (error) {
      // The refusals this walkthrough provokes are INVALID_ARGUMENT; anything
      // else (UNAVAILABLE: no server there) ends it.
      if (!isServiceError(error) || error.code !== status.INVALID_ARGUMENT) throw error;
      result.refused.push(t.failed(error));
      return [];
    }
  }

  try {
    t.step("The original client's request: 1,000 CPU readings, one a second, three planted outliers");
    const metrics = cpuMetrics();
    for (const i of [0, 1, 999]) t.note(`metrics[${i}] = ${show(metrics[i])}`);
    result.original = await detect('1,000 metrics', metrics);
    t.note(`their values: ${result.original.map((i) => metrics[i].value).join(', ')}; the other 997 lie in [0, 40)`);
    t.note('The timestamps really step by one second. The Go original meant them to, but its t.Add(time.Second)');
    t.note('returned a new time that it threw away, so all 1,000 readings carried 14:13:11.');

    t.step('Inputs with an obvious answer');
    await detect('no metrics', []);
    await detect('one metric', metrics.slice(0, 1));
    await detect('ten metrics all 0.1 (σ = 0)', Array.from({ length: 10 }, (_, i) => ({ ...metrics[i], value: 0.1 })));
    await detect('CPU and Memory together', [
      ...metrics.slice(0, 20),
      ...Array.from({ length: 20 }, (_, i) => ({ name: 'Memory', value: i === 4 ? 9.1e9 : 2e9 + i * 1e6 })),
    ]);
    t.note('Each name is judged on its own: 97.3 (position 7) among the CPU readings, 9.1e9 (position 24)');
    t.note('among the Memory ones. Those carry no time at all, which is allowed: the 2σ rule does not use it.');

    t.step('Inputs the server refuses, naming the culprit');
    await detect('a NaN at index 3', metrics.slice(0, 10).map((m, i) => (i === 3 ? { ...m, value: NaN } : m)));
    await detect('Infinity at index 5', metrics.slice(0, 10).map((m, i) => (i === 5 ? { ...m, value: Infinity } : m)));
    await detect('nanos of 1,000,000,000 at index 2', metrics.slice(0, 10).map((m, i) => (i === 2 ? { ...m, time: { ...m.time, nanos: 1e9 } } : m)));

    t.step('DetectStream: the same 1,000 metrics in 4 batches of 250');
    t.sent(DetectStream.path, '4 × OutliersRequest of 250 metrics, then end of stream');
    const streamed = await calls.detectStream(batchesOf(metrics, 250));
    t.received({ indices: streamed });
    t.note('Indices count across the whole stream: 835 is metric 85 of the fourth batch.');
    return result;
  } finally {
    calls.close();
  }
}
