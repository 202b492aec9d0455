// npx tsx chapters/06-gcn-scoring/bench.ts [--runs 5] (also part of npm run bench):
// GCNService.ProcessGraph on 100,000 nodes, 1,000,000 edges and 16 features,
// end to end through gRPC on loopback, the server in its own process as in
// the split run. Each call is timed from a fully built request to the reply
// in hand; building the request objects is timed on its own. Then the same
// call from the generated clients, the codecs one by one, and where the
// server's time goes. The lesson quotes this command's output.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { credentials, type CallOptions } from '@grpc/grpc-js';
import type { ProtoGrpcType as GcnProto } from '../../generated/proto-loader/gcn.ts';
import * as gcn from '../../generated/static/gcn.ts';
import { parseCommandLine } from '../shared/cli.ts';
import { callUnary } from '../shared/client.ts';
import { loadProto } from '../shared/proto-loader.ts';
import { REPO_ROOT } from '../shared/repo-files.ts';
import { startServerScript } from '../shared/testing.ts';
import { timeCodecs, type CodecTimings } from './bench/codec-timings.ts';
import { GcnClient, GCN_CHANNEL_OPTIONS } from './gcn-client.ts';
import { scoreGraph } from './model/gcn.ts';
import { decodeGraph } from './codec/graph-decoder.ts';
import { encodeGraph } from './codec/graph-encoder.ts';
import { randomFeatureModel } from './model/models.ts';
import { BENCHMARK_SHAPE, randomGraph } from './bench/random-graph.ts';
import { encodeScores } from './codec/scores-codec.ts';
import { median } from '../shared/measure.ts';

// The workbook's own target. How a Python grpcio + numpy service doing the same
// work compares is measured side by side, from one client, by
// chapters/12-python-and-go-peers/compare/compare-gcn.ts (it needs chapter 12's peers).
const TARGET_MS = 2_000;
const SHAPE = BENCHMARK_SHAPE;

const { runs: runsText } = parseCommandLine(
  'Usage: npx tsx chapters/06-gcn-scoring/bench.ts [--runs 5]',
  { runs: { type: 'string', default: '5' } },
);
const runs = Math.max(1, Number(runsText) || 5);

const ms = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(0)).padStart(6);
const load = () => loadavg().map((value) => value.toFixed(1)).join(', ');
const callOptions = (): CallOptions => ({ deadline: new Date(Date.now() + 60_000) });

/** One warm-up call (V8 compiles the hot paths), then `runs` timed ones. */
async function timeCalls(call: () => Promise<unknown>): Promise<number[]> {
  await call();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  return times;
}

const describeTimes = (times: number[]) =>
  `median ${ms(median(times))} ms   min ${ms(Math.min(...times))}   max ${ms(Math.max(...times))}   (${times.map((t) => t.toFixed(0)).join(', ')})`;

console.log(`Load average at start (1, 5, 15 min): ${load()} on 2 cores`);
let start = performance.now();
const graph = randomGraph(SHAPE);
console.log(`Built the request objects (${SHAPE.nodes.toLocaleString('en-US')} nodes, ${SHAPE.edges.toLocaleString('en-US')} edges, ${SHAPE.features} features): ${(performance.now() - start).toFixed(0)} ms`);
const requestBytes = encodeGraph(graph).length;

const server = await startServerScript('chapters/06-gcn-scoring/server.ts', [], { lifetimeMs: 30 * 60_000 });
const client = new GcnClient(server.address);
const staticClient = new gcn.GCNServiceClient(server.address, credentials.createInsecure(), GCN_CHANNEL_OPTIONS);
const gcnProto = loadProto<GcnProto>('gcn.proto');
const loaderClient = new gcnProto.GCNService(server.address, credentials.createInsecure(), GCN_CHANNEL_OPTIONS);
let handMedian = Number.POSITIVE_INFINITY;
try {
  console.log(`\nProcessGraph end to end, ${(requestBytes / 1e6).toFixed(1)} MB request, server in its own process, ${runs} runs after a warm-up:`);
  const hand = await timeCalls(() => client.processGraph(graph, callOptions()));
  handMedian = median(hand);
  console.log(`  hand-written codec on both sides       ${describeTimes(hand)}   target < ${TARGET_MS} ms${handMedian >= TARGET_MS ? '   OVER TARGET' : ''}`);

  start = performance.now();
  const message = gcn.GraphData.fromObject(graph);
  const buildMs = performance.now() - start;
  const fromStatic = await timeCalls(() => callUnary(staticClient.ProcessGraph, message, callOptions()));
  console.log(`  client: google-protobuf static stubs   ${describeTimes(fromStatic)}   (+ ${buildMs.toFixed(0)} ms for GraphData.fromObject)`);
  const fromLoader = await timeCalls(() => callUnary(loaderClient.ProcessGraph.bind(loaderClient), graph, callOptions()));
  console.log(`  client: protobuf.js (proto-loader)     ${describeTimes(fromLoader)}`);
  console.log('  (the server is the same in all three: it decodes with the hand-written codec)');
} finally {
  client.close();
  staticClient.close();
  loaderClient.close();
  await server.interrupt();
}

console.log(`\nWhere the server's time goes, median of ${runs} (npx tsx chapters/06-gcn-scoring/bench/server-timings.ts):`);
spawnSync(process.execPath, ['--import', 'tsx', 'chapters/06-gcn-scoring/bench/server-timings.ts', '--runs', String(runs)], {
  cwd: REPO_ROOT,
  stdio: 'inherit',
});
const decoded = decodeGraph(encodeGraph(graph));
const scores = scoreGraph(decoded, randomFeatureModel().weightsFor(SHAPE.features));

const codecRuns = Math.min(runs, 3);
console.log(`\nThe codecs alone, ms, median of ${codecRuns} (request ${(requestBytes / 1e6).toFixed(1)} MB, reply ${(encodeScores({ ids: decoded.ids, scores }).length / 1e6).toFixed(1)} MB):`);
console.log(`  ${'codec'.padEnd(32)} ${'build'.padStart(6)} ${'encode request'.padStart(15)} ${'decode request'.padStart(15)} ${'encode reply'.padStart(13)} ${'decode reply'.padStart(13)}`);
const row = (t: CodecTimings) =>
  `  ${t.codec.padEnd(32)} ${ms(t.buildObjects)} ${ms(t.encodeRequest).padStart(15)} ${ms(t.decodeRequest).padStart(15)} ${ms(t.encodeReply).padStart(13)} ${ms(t.decodeReply).padStart(13)}`;
for (const timings of timeCodecs(graph, { ids: decoded.ids, scores }, codecRuns)) console.log(row(timings));

console.log(`\nLoad average at end: ${load()}`);
console.log('Against a Python grpcio + numpy server, same bytes, one client: npx tsx chapters/12-python-and-go-peers/compare/compare-gcn.ts');
process.exitCode = handMedian < TARGET_MS ? 0 : 1;
