// npx tsx chapters/12-python-and-go-peers/bench.ts (also part of npm run bench):
// the same Python client calls Detect with 1,000,000 metrics on chapter 07's
// TypeScript server and on the numpy server, same machine, same run, taking
// turns. The client times itself around the stub call (python/outliers_bench.py),
// so both servers are measured from the same side of the wire. No target:
// this compares, and the lesson quotes its output. Then it runs the two
// comparisons from a TypeScript client that lessons 06 and 07 quote:
// compare/compare-outliers.ts (TypeScript, Python and Go servers) and compare/compare-gcn.ts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { addOutliers, outliersServerOptions } from '../07-metrics-outliers/outliers-service.ts';
import { startServer } from '../shared/server.ts';
import { REPO_ROOT } from '../shared/repo-files.ts';
import { runProcess } from '../shared/testing.ts';
import { startPythonServer } from './pairings/pairings.ts';
import { CHAPTER_DIR, missingPeerTools, PYTHON, SETUP_HINT } from './tools/toolchain.ts';
import { loadAverage, median } from '../shared/measure.ts';

const METRICS = 1_000_000;
const RUNS = 5;
const PLANTED = [7, 113, 835];
/** Building the request in Python takes seconds, and ten calls of about one to three seconds follow. */
const CLIENT_TIMEOUT_MS = 300_000;

interface TimedCall {
  addr: string;
  run: number;
  ms: number;
  indices: number[];
}


const missing = missingPeerTools();
if (missing.length > 0) {
  console.log(`skipped: ${SETUP_HINT}`);
} else {
  console.log(`load average at start: ${loadAverage()} (2 cores; other work skews timings)`);
  const typeScript = await startServer((server) => addOutliers(server), { serverOptions: outliersServerOptions });
  const python = await startPythonServer();
  try {
    const servers = { [typeScript.address]: 'TypeScript server (chapter 07)', [python.address]: 'Python server (numpy)' };
    const client = await runProcess(
      PYTHON,
      [join(CHAPTER_DIR, 'python/outliers_bench.py'), '--addr', typeScript.address, '--addr', python.address, '--metrics', String(METRICS), '--runs', String(RUNS)],
      { timeoutMs: CLIENT_TIMEOUT_MS },
    );
    if (client.code !== 0) throw new Error(`outliers_bench.py exited with ${client.code}:\n${client.stderr}`);
    const [header, ...lines] = client.stdout.trim().split('\n');
    const { request_bytes: bytes, built_ms: builtMs } = JSON.parse(header) as { request_bytes: number; built_ms: number };
    const calls = lines.map((line) => JSON.parse(line) as TimedCall);
    for (const call of calls) {
      if (call.indices.join() !== PLANTED.join()) throw new Error(`${servers[call.addr]} answered [${call.indices.slice(0, 10)}], expected [${PLANTED}]`);
    }
    console.log(
      `Python client, Detect with ${METRICS.toLocaleString('en-US')} metrics (${bytes.toLocaleString('en-US')} bytes, request built in ${builtMs.toFixed(0)} ms),`,
    );
    console.log(`timed around the stub call, ${RUNS} runs per server after one warm-up, taking turns:`);
    for (const [address, name] of Object.entries(servers)) {
      const times = calls.filter((call) => call.addr === address).map((call) => call.ms);
      if (times.length !== RUNS) throw new Error(`${name}: ${times.length} timed calls, expected ${RUNS}`);
      console.log(`  ${name.padEnd(32)} median ${median(times).toFixed(0).padStart(5)} ms   runs: ${times.map((t) => t.toFixed(0)).join(', ')}`);
    }
  } finally {
    await Promise.all([typeScript.stop(), python.interrupt()]);
  }
  console.log(`load average at end: ${loadAverage()}`);
  for (const script of ['compare/compare-outliers.ts', 'compare/compare-gcn.ts']) {
    console.log(`\nnpx tsx ${CHAPTER_DIR}/${script}:`);
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(CHAPTER_DIR, script)], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (result.status !== 0) process.exitCode = 1;
  }
}
