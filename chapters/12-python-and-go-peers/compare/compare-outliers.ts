// npx tsx chapters/12-python-and-go-peers/compare/compare-outliers.ts [--runs 3]
// (also part of npm run bench, from bench.ts): pb.Outliers.Detect with
// 1,000,000 metrics, served by chapter 07's TypeScript server, by
// python/outliers.py (grpcio + numpy) and by go/…/outliers-server (grpc-go),
// each in its own process. One TypeScript client, one request encoded once by
// chapter 07's encoder, the same bytes to all three (same-bytes.ts). Every
// reply must be the planted [7, 113, 835]. Lesson 07 quotes the output.
import { pb } from '../../../generated/static/outliers.ts';
import { cpuMetrics, PLANTED_OUTLIERS } from '../../07-metrics-outliers/model/original-dataset.ts';
import { encodeOutliersRequest } from '../../07-metrics-outliers/codec/request-encoder.ts';
import { startServerProcess, startServerScript } from '../../shared/testing.ts';
import { buildGoClients, goServerBinary } from '../tools/go-clients.ts';
import { startPythonServer } from '../pairings/pairings.ts';
import { loadAverage } from '../../shared/measure.ts';
import { compareServers, formatComparison, runsFromCommandLine, SERVER_LIFETIME_MS } from './same-bytes.ts';
import { missingPeerTools, SETUP_HINT } from '../tools/toolchain.ts';

const METRICS = 1_000_000;
const PLANTED = PLANTED_OUTLIERS.map(([index]) => index).join();

const runs = runsFromCommandLine('compare-outliers.ts');

if (missingPeerTools().length > 0) {
  console.log(`skipped: ${SETUP_HINT}`);
} else {
  console.log(`load average at start: ${loadAverage()} (2 cores; other work skews timings)`);
  await buildGoClients();
  const request = encodeOutliersRequest({ metrics: cpuMetrics(METRICS) });
  const check = (indices: number[]) => {
    if (indices.join() !== PLANTED) throw new Error(`answered [${indices.slice(0, 10)}], expected [${PLANTED}]`);
  };
  const typeScript = await startServerScript('chapters/07-metrics-outliers/server.ts', [], { lifetimeMs: SERVER_LIFETIME_MS });
  const python = await startPythonServer({ lifetimeMs: SERVER_LIFETIME_MS });
  const go = await startServerProcess(await goServerBinary('outliers-server'), ['--port', '0'], { lifetimeMs: SERVER_LIFETIME_MS });
  try {
    console.log(`pb.Outliers.Detect with ${METRICS.toLocaleString('en-US')} metrics: one request of ${request.length.toLocaleString('en-US')} bytes, the same bytes to each server,`);
    console.log(`from one TypeScript client (grpc-js), ${runs} runs after a warm-up, taking turns; ratio to the first server:`);
    const results = await compareServers(
      '/pb.Outliers/Detect',
      request,
      (bytes) => pb.OutliersResponse.deserializeBinary(bytes).indices,
      [
        { name: 'TypeScript server (chapter 07)', address: typeScript.address, check },
        { name: 'Python server (grpcio + numpy)', address: python.address, check },
        { name: 'Go server (grpc-go)', address: go.address, check },
      ],
      // grpc-js sends a message of any size by default; each server raises its own receive limit.
      { runs, deadlineMs: 120_000 },
    );
    for (const line of formatComparison(results)) console.log(line);
    console.log(`every reply: [${PLANTED}]`);
  } finally {
    await Promise.all([typeScript.interrupt(), python.interrupt(), go.interrupt()]);
  }
  console.log(`load average at end: ${loadAverage()}`);
}
