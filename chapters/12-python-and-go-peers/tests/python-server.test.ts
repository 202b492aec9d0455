// The Python server beyond the shared scenarios: the edges of the 2σ rule and
// MyService's edge cases, each side by side with the TypeScript server of the
// chapter that teaches it (07, 03), and how the process starts and stops.
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { seededRandom } from '../../shared/seeded-random.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { runProcess, type ServerProcess } from '../../shared/testing.ts';
import { describeRecord, firstDifference } from '../pairings/call-records.ts';
import { valuesOnly } from '../originals/original-data-set.ts';
import { startPythonServer } from '../pairings/pairings.ts';
import { addTypeScriptServers, typeScriptServerOptions } from '../peer-services.ts';
import { gcn, myService, outliers } from '../scenarios.ts';
import { CHAPTER_DIR, peerSkip, PYTHON, requirePeers } from '../tools/toolchain.ts';
import { runScenario, scenarioCall, type ScenarioCall } from '../pairings/ts-client.ts';

const AMARA = { name: 'Amara Okafor', age: 34, email: 'amara@example.com' };
const CARMEN = { name: 'Carmen Ruiz', age: 45, email: 'carmen@example.org' };

describe('the Python server, called from TypeScript', { skip: peerSkip() }, () => {
  let python: ServerProcess;
  let typeScript: RunningServer;
  before(async () => {
    requirePeers();
    [python, typeScript] = await Promise.all([
      startPythonServer(),
      startServer(addTypeScriptServers, { serverOptions: typeScriptServerOptions() }),
    ]);
  });
  after(() => Promise.all([python?.interrupt(), typeScript?.stop()]));

  /** A client must not be able to tell which language answered. */
  async function bothServersAnswer(calls: ScenarioCall[]): Promise<void> {
    const expected = calls.map((call) => call.expected);
    assert.deepEqual(await runScenario(python.address, calls), expected, 'Python server');
    assert.deepEqual(await runScenario(typeScript.address, calls), expected, 'TypeScript server');
  }

  test('Outliers: strictly more than 2σ from the mean; no data, one value or equal values have none', async () => {
    const none = { reply: { indices: [] } };
    const calls = [
      scenarioCall(outliers.Detect, { metrics: [] }, none),
      scenarioCall(outliers.Detect, { metrics: valuesOnly(42) }, none),
      scenarioCall(outliers.Detect, { metrics: valuesOnly(0.1, 0.1, 0.1) }, none),
      // Mean 1, σ 2: the 5 is exactly 2σ away, which is not more than 2σ.
      scenarioCall(outliers.Detect, { metrics: valuesOnly(0, 0, 0, 0, 5) }, none),
      // One more 0: mean 0.83, σ 1.86, and the 5 is 4.17 away.
      scenarioCall(outliers.Detect, { metrics: valuesOnly(0, 0, 0, 0, 0, 5) }, { reply: { indices: [5] } }),
      scenarioCall(outliers.Detect, { metrics: valuesOnly(-50, 1, 1, 1, 1, 1, 1, 1, 1, 1) }, { reply: { indices: [0] } }),
    ];
    await bothServersAnswer(calls);
  });

  test('Outliers: each metric name is judged on its own, as chapter 07 judges it', async () => {
    // CPU 0, 0, 0, 0, 0, 5 at the even positions, Memory 100 ×5 then -400 at the odd ones.
    const cpu = [0, 0, 0, 0, 0, 5];
    const memory = [100, 100, 100, 100, 100, -400];
    const metrics = cpu.flatMap((value, i) => [{ name: 'CPU', value }, { name: 'Memory', value: memory[i] }]);
    // Pooled, as the original did, σ would be 132 and only the -400 (index 11) would stand out.
    await bothServersAnswer([scenarioCall(outliers.Detect, { metrics }, { reply: { indices: [10, 11] } })]);
  });

  test('Outliers: a value that is not finite is INVALID_ARGUMENT naming the first one, and the server carries on', async () => {
    const calls = [
      scenarioCall(outliers.Detect, { metrics: valuesOnly(1, Infinity, NaN) }, {
        code: status.INVALID_ARGUMENT,
        details: 'metrics[1].value is Infinity; values must be finite numbers',
      }),
      scenarioCall(outliers.Detect, { metrics: valuesOnly(-Infinity) }, {
        code: status.INVALID_ARGUMENT,
        details: 'metrics[0].value is -Infinity; values must be finite numbers',
      }),
      scenarioCall(outliers.Detect, { metrics: valuesOnly(1, 1, 1, 1, 1, 9) }, { reply: { indices: [5] } }),
    ];
    await bothServersAnswer(calls);
  });

  test('outliers_bench.py times Detect on each server in turn and prints what each answered', async () => {
    const bench = await runProcess(PYTHON, [
      'chapters/12-python-and-go-peers/python/outliers_bench.py',
      ...['--addr', typeScript.address, '--addr', python.address, '--metrics', '2000', '--runs', '2'],
    ]);
    assert.equal(bench.code, 0, bench.stderr);
    const [header, ...calls] = bench.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual({ ...header, built_ms: 0 }, { metrics: 2000, request_bytes: 48_000, built_ms: 0 });
    assert.deepEqual(
      calls.map(({ addr, run, indices }) => ({ addr, run, indices })),
      [0, 0, 1, 1].map((run, i) => ({ addr: [typeScript.address, python.address][i % 2], run, indices: [7, 113, 835] })),
    );
    assert.ok(calls.every(({ ms }) => typeof ms === 'number' && ms > 0));
  });

  test('GCNService: a random graph of 300 nodes, 1,200 edges and 8 features gets the same scores from both servers', async () => {
    const random = seededRandom(12);
    const nodes = Array.from({ length: 300 }, (_, i) => ({ id: `n${i}`, features: Array.from({ length: 8 }, () => random() * 4 - 2) }));
    const pick = () => `n${Math.floor(random() * nodes.length)}`;
    const edges = Array.from({ length: 1_200 }, () => ({ source_id: pick(), target_id: pick() }));
    // The outcome here is a placeholder: the TypeScript server's answer is the expectation.
    const call = [scenarioCall(gcn.ProcessGraph, { nodes, edges }, { reply: { node_scores: {} } })];
    const [fromTypeScript] = await runScenario(typeScript.address, call);
    const [fromPython] = await runScenario(python.address, call);
    assert.ok('reply' in fromTypeScript, describeRecord(fromTypeScript));
    const scores = Object.values((fromTypeScript.reply as { node_scores: Record<string, number> }).node_scores);
    assert.equal(scores.length, 300);
    assert.ok(new Set(scores).size > 250, 'the scores differ from node to node');
    assert.equal(firstDifference([fromPython], [fromTypeScript], 1e-5), undefined);
  });

  test('GCNService: every kind of mistake, a few examples each, in the same words from both servers', async () => {
    const unknown = Array.from({ length: 7 }, (_, i) => ({ source_id: 'x', target_id: `q${i + 1}` }));
    await bothServersAnswer([
      scenarioCall(gcn.ProcessGraph, { nodes: [{ id: '', features: [1] }, { id: 'x', features: [] }, { id: 'y', features: [NaN] }], edges: unknown }, {
        code: status.INVALID_ARGUMENT,
        details:
          'invalid graph: every node needs an id: node #0 has none; every node needs at least one feature: "x" has none; ' +
          'features must be finite numbers: "y"[0] is NaN; edges must join nodes of the graph: #0 "x" → "q1" (no node "q1"), ' +
          '#1 "x" → "q2" (no node "q2"), #2 "x" → "q3" (no node "q3"), #3 "x" → "q4" (no node "q4"), #4 "x" → "q5" (no node "q5"), and 2 more',
      }),
    ]);
  });

  test("MyService: the Python server answers chapter 03's edge cases exactly as the TypeScript one does", async () => {
    const calls = [
      scenarioCall(myService.User, { userIDs: [] }, { reply: { message: 'success', data: [] } }),
      scenarioCall(myService.User, { userIDs: [3, 1, 3] }, { reply: { message: 'success', data: [CARMEN, AMARA, CARMEN] } }),
      scenarioCall(myService.User, { userIDs: [2, 7, 9, 7] }, { code: status.NOT_FOUND, details: 'no users with ids 7, 9' }),
      scenarioCall(myService.User, { userIDs: [1, 0, -3] }, { code: status.INVALID_ARGUMENT, details: 'user ids are positive; got 0, -3' }),
      scenarioCall(myService.User, { userIDs: Array.from({ length: 101 }, () => 1) }, {
        code: status.INVALID_ARGUMENT,
        details: 'at most 100 user ids per call, got 101',
      }),
    ];
    await bothServersAnswer(calls);
  });
});

describe('the Python server process', { skip: peerSkip() }, () => {
  test('Ctrl-C lets it finish its calls and exit 0', async () => {
    requirePeers();
    const server = await startPythonServer();
    const stopped = await server.interrupt();
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stdout, /^Python server \(helloworld\.Greeter, MyService, pb\.Outliers, GCNService\) listening on 127\.0\.0\.1:\d+ \(Ctrl-C to stop\)\n/);
    assert.match(stopped.stdout, /finishing in-flight calls, then stopping\nstopped\n$/);
  });

  test('a Ctrl-C while it loads its modules waits for the server to start, then stops it: exit 0', async () => {
    requirePeers();
    // server.py beside a gcn.py that starts a thread (as numpy's OpenBLAS does
    // when it loads), presses Ctrl-C, then is the real gcn.py.
    const folder = await mkdtemp(join(tmpdir(), 'workbook-python-threads-'));
    try {
      const python = join(CHAPTER_DIR, 'python');
      await copyFile(join(python, 'server.py'), join(folder, 'server.py'));
      await writeFile(
        join(folder, 'gcn.py'),
        [
          'import os, signal, threading, time',
          'threading.Thread(target=time.sleep, args=(60,), daemon=True).start()',
          'os.kill(os.getpid(), signal.SIGINT)',
          `exec(compile(open(${JSON.stringify(join(python, 'gcn.py'))}).read(), "gcn.py", "exec"))`,
        ].join('\n'),
      );
      const stopped = await runProcess(PYTHON, [join(folder, 'server.py'), '--port', '0'], { env: { ...process.env, PYTHONPATH: python } });
      assert.equal(stopped.code, 0, stopped.stderr);
      assert.match(stopped.stdout, /listening on 127\.0\.0\.1:\d+ \(Ctrl-C to stop\)\nfinishing in-flight calls, then stopping\nstopped\n$/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  test('a taken port makes it exit 1 and say so, rather than share the port', async () => {
    requirePeers();
    const first = await startPythonServer();
    try {
      const port = first.address.slice(first.address.lastIndexOf(':') + 1);
      const second = await runProcess(PYTHON, ['chapters/12-python-and-go-peers/python/server.py', '--port', port]);
      assert.equal(second.code, 1);
      assert.match(second.stderr, new RegExp(`could not listen on 127\\.0\\.0\\.1:${port}: Failed to bind`));
    } finally {
      await first.interrupt();
    }
  });
});
