// npx tsx chapters/07-metrics-outliers/bench.ts (also part of npm run bench):
// Detect on 1,000,000 metrics, end to end through gRPC on loopback, with the
// server in its own process. Each run is timed from the call, with the request
// already built, to the reply in hand; building the request is timed apart.
// The target is 0.9 s. How Python (grpcio + numpy) and Go (grpc-go) servers
// compare is measured side by side, from one client, by
// chapters/12-python-and-go-peers/compare/compare-outliers.ts (it needs chapter 12's
// peers). The lesson quotes this output.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { BenchServerReport } from './bench/bench-server.ts';
import { CODEC_PATHS, handTunedPath, transportOnlyPath, type CodecPath } from './bench/codec-paths.ts';
import { timeCodecs } from './bench/codec-timings.ts';
import { cpuMetrics, PLANTED_OUTLIERS } from './model/original-dataset.ts';
import { batchesOf, OutliersCalls } from './outliers-client.ts';
import { loadAverage, median } from '../shared/measure.ts';

const METRICS = 1_000_000;
const TARGET_MS = 900;
/** Timed runs of the fast paths, after one untimed warm-up call (JIT compilation, connection). */
const RUNS = 9;
/** The slow paths take tens of seconds a call; one run, no warm-up, says enough. */
const RUNS_OF_SLOW_PATHS = 1;
const SLOW_PATH_MS = 5_000;
const DEADLINE_MS = 120_000;
const PLANTED = PLANTED_OUTLIERS.map(([index]) => index);

const MB = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

interface BenchServer {
  address: string;
  atStart: BenchServerReport;
  report(): Promise<BenchServerReport>;
  stop(): void;
}

async function startBenchServer(pathName: string): Promise<BenchServer> {
  const child: ChildProcess = fork(new URL('./bench/bench-server.ts', import.meta.url), [pathName], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [ready] = (await once(child, 'message')) as [BenchServerReport & { address: string }];
  return {
    address: ready.address,
    atStart: ready,
    async report() {
      child.send('memory');
      return ((await once(child, 'message')) as [BenchServerReport])[0];
    },
    stop: () => child.disconnect(),
  };
}

/** Times `call` `runs` times (stopping early past `giveUpMs`) and checks every answer. */
async function timeCalls(runs: number, giveUpMs: number, call: () => Promise<number[]>, expected = PLANTED): Promise<number[]> {
  if (runs > 1) await call();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const indices = await call();
    times.push(performance.now() - start);
    if (indices.join() !== expected.join()) throw new Error(`expected [${expected}], got [${indices.slice(0, 10).join(', ')}…]`);
    if (times.at(-1)! > giveUpMs) break;
  }
  return times;
}

function line(label: string, times: number[], server: BenchServerReport, atStart: BenchServerReport, note = ''): string {
  const runs = times.length > 1 ? `   runs: ${times.map((t) => t.toFixed(0)).join(', ')}` : '';
  return `  ${label.padEnd(44)} median ${ms(median(times)).padStart(8)}   server peak RSS +${MB(server.peakRss - atStart.rss).padStart(7)}${note}${runs}`;
}

console.log(`load average at start: ${loadAverage()} (2 cores; other work skews timings)`);
const metrics = timed(() => cpuMetrics(METRICS));
console.log(`${METRICS.toLocaleString('en-US')} metrics as plain objects built in ${ms(metrics.ms)}`);

/** Builds the request in `path`'s form, then times Detect with it; returns the median. */
async function benchDetect<Request>(path: CodecPath<Request>, runs: number, giveUpMs: number, expected = PLANTED): Promise<number> {
  const request = timed(() => path.buildRequest(metrics.value));
  const server = await startBenchServer(path.name);
  const client = path.open(server.address);
  try {
    const call = () => client.detect(request.value, { deadline: new Date(Date.now() + DEADLINE_MS) });
    const times = await timeCalls(runs, giveUpMs, call, expected);
    const built = request.ms < 1 ? '' : `   request built in ${ms(request.ms)}`;
    console.log(line(path.name, times, await server.report(), server.atStart, built));
    return median(times);
  } finally {
    client.close();
    server.stop();
  }
}

// The hand-tuned path first, while this process holds nothing but the metrics:
// the slow paths leave a heap of garbage behind them that would tax its GC.
console.log('\nDetect end to end (call with a built request → reply in hand), server in its own process:');
const best = await benchDetect(handTunedPath, RUNS, Infinity);
// A fresh server process, so that its peak memory is the stream's alone.
const streamServer = await startBenchServer(handTunedPath.name);
const streamClient = new OutliersCalls(streamServer.address);
try {
  const times = await timeCalls(RUNS, Infinity, () => streamClient.detectStream(batchesOf(metrics.value, 10_000), { deadline: new Date(Date.now() + DEADLINE_MS) }));
  console.log(line('DetectStream, batches of 10,000', times, await streamServer.report(), streamServer.atStart));
} finally {
  streamClient.close();
  streamServer.stop();
}

await benchDetect(transportOnlyPath, RUNS, Infinity, []);
for (const path of CODEC_PATHS.filter((path) => path !== handTunedPath)) await benchDetect(path, RUNS_OF_SLOW_PATHS, SLOW_PATH_MS);

console.log('\nCodecs alone, in this process, one OutliersRequest of 1,000,000 metrics (24,000,000 bytes):');
for (const { codec, encode, decode } of timeCodecs(metrics.value)) {
  console.log(`  ${codec.padEnd(44)} encode ${ms(encode).padStart(8)}   decode ${ms(decode).padStart(8)}`);
}

console.log(`load average at end: ${loadAverage()}`);
const met = best < TARGET_MS;
console.log(`hand-tuned Detect median ${ms(best)}: ${met ? 'under' : 'OVER'} the ${ms(TARGET_MS)} target`);
console.log('Against numpy and grpc-go servers, same bytes, one client: npx tsx chapters/12-python-and-go-peers/compare/compare-outliers.ts');
process.exitCode = met ? 0 : 1;
