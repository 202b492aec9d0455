// Chapter 07: the outlier detector of the original tutorial, its edge cases,
// and what to do when a request outgrows gRPC's 4 MiB default.
import { performance } from 'node:perf_hooks';
import { runTour } from '../shared/chapter.ts';
import { deadlineIn, isServiceError } from '../shared/client.ts';
import { startServer } from '../shared/server.ts';
import type { Transcript } from '../shared/transcript.ts';
import { cpuMetrics } from './model/original-dataset.ts';
import { batchesOf, OutliersCalls } from './outliers-client.ts';
import { addOutliers, outliersServerOptions } from './outliers-service.ts';
import { encodeOutliersRequest } from './codec/request-encoder.ts';
import { walkThrough } from './walkthrough.ts';

// Just over the 4 MiB default: 175,000 metrics of 24 bytes are 4,200,000 bytes.
const BIG = 175_000;

async function tour(t: Transcript): Promise<string> {
  const raised = await startServer(addOutliers, { serverOptions: outliersServerOptions });
  const limited = await startServer(addOutliers);
  const clients: OutliersCalls[] = [];
  try {
    t.step(`Outliers (Detect and DetectStream) on ${raised.address}, receive limit raised to 64 MiB`);
    const { original, refused } = await walkThrough(raised.address, t);

    const metrics = cpuMetrics(BIG);
    const bytes = encodeOutliersRequest({ metrics }).length;
    t.step(`${BIG.toLocaleString('en-US')} metrics: ${bytes.toLocaleString('en-US')} bytes, over the 4 MiB (4,194,304-byte) default`);
    const toLimited = new OutliersCalls(limited.address);
    const toRaised = new OutliersCalls(raised.address);
    clients.push(toLimited, toRaised);
    const outcomes: string[] = [];
    const attempt = async (label: string, call: () => Promise<number[]>) => {
      const start = performance.now();
      try {
        const indices = await call();
        t.note(`${label}: [${indices.join(', ')}] in ${(performance.now() - start).toFixed(0)} ms`);
        outcomes.push(`[${indices.join(', ')}]`);
      } catch (error) {
        if (!isServiceError(error)) throw error;
        t.note(`${label}:`);
        outcomes.push(t.failed(error));
      }
    };
    // Megabytes take longer than the usual 2 s deadline allows on a busy machine.
    const patiently = () => ({ deadline: deadlineIn(20_000) });
    await attempt('Detect, server with the default limit', () => toLimited.detect({ metrics }, patiently()));
    await attempt('Detect, server with the limit raised to 64 MiB', () => toRaised.detect({ metrics }, patiently()));
    await attempt('DetectStream in batches of 10,000, default limit', () => toLimited.detectStream(batchesOf(metrics, 10_000), patiently()));
    t.note('Each batch is 240,000 bytes, far under the limit; the server keeps only their values.');
    t.note('For a million metrics, timed: npx tsx chapters/07-metrics-outliers/bench.ts');

    return (
      `07 metrics outliers: original request → [${original.join(', ')}], ${refused.length} bad ones refused; ` +
      `${bytes.toLocaleString('en-US')} B: ${outcomes[0]} at 4 MiB, ${outcomes[1]} with a raised limit, ${outcomes[2]} streamed`
    );
  } finally {
    for (const client of clients) client.close();
    await Promise.all([raised.stop(), limited.stop()]);
  }
}

await runTour('Chapter 07 · metrics outliers: timestamps, statistics and big requests', tour);
