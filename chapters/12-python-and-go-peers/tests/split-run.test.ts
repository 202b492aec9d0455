// The halves in separate processes, as a learner runs them in two terminals:
// a server in one language, a client in another.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { runProcess, runScript, startServerScript } from '../../shared/testing.ts';
import { parseRecords } from '../pairings/call-records.ts';
import { buildGoClients, goClientBinary } from '../tools/go-clients.ts';
import { startPythonServer } from '../pairings/pairings.ts';
import { greeterScenario, myServiceScenario } from '../scenarios.ts';
import { peerSkip, PYTHON, requirePeers } from '../tools/toolchain.ts';

const CHAPTER = 'chapters/12-python-and-go-peers';
const expected = (scenario: typeof greeterScenario) => scenario.map((call) => call.expected);

describe('split runs across languages', { skip: peerSkip() }, () => {
  test('server.ts answers the Python and Go clients, and Ctrl-C stops it cleanly', async () => {
    requirePeers();
    await buildGoClients();
    const server = await startServerScript(`${CHAPTER}/server.ts`);
    const python = await runProcess(PYTHON, [`${CHAPTER}/python/greeter_client.py`, '--addr', server.address]);
    const go = await runProcess(await goClientBinary('users-client'), ['--addr', server.address]);
    const stopped = await server.interrupt();
    assert.equal(python.code, 0, python.stderr);
    assert.deepEqual(parseRecords(python.stdout), expected(greeterScenario));
    assert.equal(go.code, 0, go.stderr);
    assert.deepEqual(parseRecords(go.stdout), expected(myServiceScenario));
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stdout, /^TypeScript server \(helloworld\.Greeter, MyService, pb\.Outliers, GCNService, Cal, compute\.Compute, routeguide\.RouteGuide\) listening on localhost:\d+/);
  });

  test('client.ts checks every service of the Python server and exits 0', async () => {
    requirePeers();
    const server = await startPythonServer();
    try {
      const client = await runScript(`${CHAPTER}/client.ts`, ['--addr', server.address]);
      assert.equal(client.code, 0, client.stderr);
      assert.equal(client.stdout.match(/✔ the outcomes every client expects/g)?.length, 4);
      assert.match(client.stdout, /\/pb\.Outliers\/Detect → \{"indices":\[7,113,835\]\}/);
    } finally {
      await server.interrupt();
    }
  });

  test('with no server, every client exits 1 and says UNAVAILABLE', async () => {
    requirePeers();
    await buildGoClients();
    const gone = await startPythonServer();
    await gone.interrupt(); // its port is now free and nothing listens on it
    const python = await runProcess(PYTHON, [`${CHAPTER}/python/outliers_client.py`, '--addr', gone.address]);
    const go = await runProcess(await goClientBinary('greeter-client'), ['--addr', gone.address]);
    const typeScript = await runScript(`${CHAPTER}/client.ts`, ['--addr', gone.address]);
    for (const { code, stdout } of [python, go]) {
      assert.equal(code, 1);
      assert.ok(parseRecords(stdout).every((record) => 'code' in record && record.code === status.UNAVAILABLE));
    }
    assert.equal(typeScript.code, 1);
    assert.match(typeScript.stderr, /client failed: UNAVAILABLE \(14\)/);
  });
});

test('client.ts against server.ts: every service agrees; --help explains both', async () => {
  const server = await startServerScript(`${CHAPTER}/server.ts`);
  try {
    const [client, serverHelp, clientHelp] = await Promise.all([
      runScript(`${CHAPTER}/client.ts`, ['--addr', server.address]),
      runScript(`${CHAPTER}/server.ts`, ['--help']),
      runScript(`${CHAPTER}/client.ts`, ['--help']),
    ]);
    assert.equal(client.code, 0, client.stderr);
    assert.equal(client.stdout.match(/✔ the outcomes every client expects/g)?.length, 4);
    assert.match(client.stdout, /\/pb\.Outliers\/Detect → \{"indices":\[7,113,835\]\}/);
    assert.equal(serverHelp.code, 0);
    assert.match(serverHelp.stdout, /\/usr\/bin\/python3 chapters\/12-python-and-go-peers\/python\/greeter_client\.py --addr localhost:50051/);
    assert.match(serverHelp.stdout, /go run workbook\/peers\/users-client --addr localhost:50051/);
    assert.equal(clientHelp.code, 0);
    assert.match(clientHelp.stdout, /python\/server\.py --port 50051/);
  } finally {
    await server.interrupt();
  }
});

test("client.ts against chapter 02's server: Greeter agrees, the services it lacks are reported and skipped", async () => {
  const server = await startServerScript('chapters/02-unary-hello/server.ts');
  try {
    const client = await runScript(`${CHAPTER}/client.ts`, ['--addr', server.address]);
    assert.equal(client.code, 0, client.stderr);
    assert.equal(client.stdout.match(/✔ the outcomes every client expects/g)?.length, 1);
    assert.equal(client.stdout.match(/not served at this address \(UNIMPLEMENTED\)/g)?.length, 3);
    assert.match(client.stdout, /▸ pb\.Outliers at .*\n {2}not served at this address \(UNIMPLEMENTED\)/);
  } finally {
    await server.interrupt();
  }
});
