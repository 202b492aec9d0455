import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { agreeWithin, describeRecord, firstDifference, parseRecords, type CallRecord } from '../pairings/call-records.ts';
import { startServerProcess } from '../../shared/testing.ts';
import { buildGoClients, goServerBinary } from '../tools/go-clients.ts';
import { peerService } from '../peer-services.ts';
import { runScenario } from '../pairings/ts-client.ts';
import { formatMatrix } from '../pairings/matrix.ts';
import { allPairings, checkAllPairings, describePairing, missingSide, runPairing, startPeerServers, type PeerServers } from '../pairings/pairings.ts';
import { peerSkip, requirePeers, SETUP_HINT } from '../tools/toolchain.ts';

describe('every client against every server, in every language', { skip: peerSkip() }, () => {
  let servers: PeerServers;
  before(async () => {
    requirePeers();
    await buildGoClients(); // once for the whole file; cold, this compiles grpc-go
    servers = await startPeerServers();
  });
  after(() => servers?.stop());

  for (const pairing of allPairings()) {
    const waiting = missingSide(pairing);
    if (waiting) {
      test(describePairing(pairing), { todo: waiting });
      continue;
    }
    test(describePairing(pairing), async () => {
      const expected = pairing.service.expected;
      const actual = await runPairing(pairing, servers);
      assert.equal(firstDifference(actual, expected, pairing.service.tolerance), undefined);
      if (!pairing.service.tolerance) assert.deepEqual(actual, expected);
    });
  }
});

describe('the Go pb.Outliers server that compare-outliers.ts times', { skip: peerSkip() }, () => {
  test('gives the TypeScript client every outcome the other servers give, refusals included', async () => {
    requirePeers();
    const server = await startServerProcess(await goServerBinary('outliers-server'), ['--port', '0']);
    try {
      const outliers = peerService('pb.Outliers');
      assert.deepEqual(await runScenario(server.address, outliers.scenario ?? []), outliers.expected);
    } finally {
      const stopped = await server.interrupt();
      assert.match(stopped.stdout, /finishing in-flight calls, then stopping\nstopped\n$/);
    }
  });
});

test('the pairings: every client language against every server language, except TypeScript with itself; the original tutorials\' other services from their Python clients', () => {
  const described = allPairings().map(describePairing);
  assert.equal(described.length, 24);
  assert.deepEqual(described.slice(20), [
    'Python client → TypeScript server: Cal',
    'Python client → TypeScript server: compute.Compute',
    'Python client → TypeScript server: routeguide.RouteGuide',
    'Python client → TypeScript server: Contact',
  ]);
  assert.ok(described.includes('Go client → Python server: pb.Outliers'));
  assert.ok(described.includes('Python client → Python server: MyService'));
  assert.ok(!described.some((line) => line.startsWith('TypeScript client → TypeScript server')));
  assert.deepEqual(allPairings().flatMap((pairing) => missingSide(pairing) ?? []), [], 'every implementation is in');
});

test('without peers, the matrix shows every runnable pairing as skipped', async () => {
  const matrix = formatMatrix(await checkAllPairings(undefined));
  assert.equal(matrix[0], '                        TypeScript server     Python server');
  assert.deepEqual(matrix.slice(9, 17), [
    '  pb.Outliers',
    '    TypeScript client   —                     skipped',
    '    Python client       skipped               skipped',
    '    Go client           skipped               skipped',
    '  GCNService',
    '    TypeScript client   —                     skipped',
    '    Python client       skipped               skipped',
    '    Go client           skipped               skipped',
  ]);
  assert.deepEqual(matrix.slice(17, 21), ['  Cal', '    Python client       skipped               —', '  compute.Compute', '    Python client       skipped               —']);
});

describe('skipping', () => {
  test('missing peers skip the tests with one line saying how to enable them', () => {
    assert.equal(peerSkip(['golang-go (go)'], {}), SETUP_HINT);
    assert.match(SETUP_HINT, /^interop peers missing: run `npm run setup:interop` \(Debian\/Ubuntu, needs apt-get\) to enable$/);
    assert.equal(peerSkip([], {}), false);
  });

  test('under CI=true missing peers are not skipped: they fail', () => {
    assert.equal(peerSkip(['golang-go (go)'], { CI: 'true' }), false);
    assert.throws(() => requirePeers(['golang-go (go)', 'python3-numpy (import numpy)']), {
      message: 'interop peers missing (golang-go (go), python3-numpy (import numpy)); under CI, .ci/run installs them',
    });
    assert.doesNotThrow(() => requirePeers([]));
  });
});

describe('call records', () => {
  const hello: CallRecord = { method: '/helloworld.Greeter/SayHello', reply: { message: 'Hello, World' } };
  const empty: CallRecord = { method: '/helloworld.Greeter/SayHello', code: status.INVALID_ARGUMENT, details: 'name must not be empty' };

  test('a client prints one JSON object per line; other lines are not records', () => {
    const output = `Python client starting\n${JSON.stringify(hello)}\n{"method": "/helloworld.Greeter/SayHello", "code": 3, "details": "name must not be empty"}\n`;
    assert.deepEqual(parseRecords(output), [hello, empty]);
    assert.throws(() => parseRecords('{"method": "/x/Y"}'), /not a call record/);
  });

  test('records compare as data: key order does not matter, values and call order do', () => {
    const reordered = JSON.parse('{"reply": {"data": [], "message": "success"}, "method": "/MyService/User"}') as CallRecord;
    assert.equal(firstDifference([reordered], [{ method: '/MyService/User', reply: { message: 'success', data: [] } }]), undefined);
    assert.equal(
      firstDifference([empty, hello], [hello, empty]),
      `call 1: got ${describeRecord(empty)}, expected ${describeRecord(hello)}`,
    );
    assert.equal(firstDifference([hello], [hello, empty]), `call 2 missing: expected ${describeRecord(empty)}`);
    assert.equal(describeRecord(empty), '/helloworld.Greeter/SayHello → INVALID_ARGUMENT: name must not be empty');
  });

  test('with a tolerance, numbers agree within it, relative to the expected value; nothing else is loosened', () => {
    const scores = (a: number, b: number) => ({ node_scores: { A: a, B: b } });
    assert.ok(agreeWithin(scores(0.4444274, 0.5), scores(0.44442740082740784, 0.5), 1e-5));
    assert.ok(!agreeWithin(scores(0.44445, 0.5), scores(0.4444274, 0.5), 1e-5));
    assert.ok(agreeWithin({ big: 1000.005 }, { big: 1000 }, 1e-5));
    assert.ok(!agreeWithin({ big: 1000.02 }, { big: 1000 }, 1e-5));
    assert.ok(!agreeWithin(scores(0.4444274, 0.5), scores(0.4444274, 0.5).node_scores, 1e-5));
    assert.ok(!agreeWithin({ node_scores: { A: 0.5 } }, scores(0.5, 0.5), 1e-5), 'a missing key is a difference');
    assert.ok(!agreeWithin({ n: '0.5' }, { n: 0.5 }, 1e-5));
    assert.ok(!agreeWithin(scores(0.4444274, 0.5), scores(0.44442740082740784, 0.5), 0), 'no tolerance: exactly');
    const reply = (a: number): CallRecord => ({ method: '/GCNService/ProcessGraph', reply: scores(a, 0.5) });
    assert.equal(firstDifference([reply(0.4444274)], [reply(0.44442740082740784)], 1e-5), undefined);
    assert.match(firstDifference([reply(0.45)], [reply(0.4444274)], 1e-5) ?? '', /^call 1: got .*"A":0\.45/);
  });
});
