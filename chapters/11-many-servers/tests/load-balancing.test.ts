import assert from 'node:assert/strict';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import { status, type ServiceConfig } from '@grpc/grpc-js';
import { openFleetGreeter } from '../fleet-client.ts';
import { resolvedTarget, staticTarget } from '../fleet-target.ts';
import { fleetAndClient, startFleet } from '../fleet/fleet.ts';
import { roundRobin, withServiceConfig } from '../service-configs.ts';
import { greetUntilEachAnswers, tally, whoAnswers } from '../fleet/spread.ts';

const NAMES = ['a', 'b', 'c'];

describe('targets for several servers', () => {
  test('IP addresses become one ipv4: or ipv6: target', () => {
    assert.equal(staticTarget(['127.0.0.1:1', '127.0.0.1:2']), 'ipv4:127.0.0.1:1,127.0.0.1:2');
    assert.equal(staticTarget(['[::1]:1', '[::1]:2']), 'ipv6:[::1]:1,[::1]:2');
    assert.throws(() => staticTarget(['localhost:1']), /take IP addresses, not names: localhost:1/);
    assert.throws(() => staticTarget(['127.0.0.1:1', '[::1]:2']), /one IP family, got "127.0.0.1:1,\[::1\]:2"/);
    assert.throws(() => staticTarget([]), /one IP family, got ""/);
  });

  test('host names are looked up first', async () => {
    assert.equal(await resolvedTarget(['localhost:50051', '127.0.0.1:50052']), 'ipv4:127.0.0.1:50051,127.0.0.1:50052');
    assert.equal(await resolvedTarget(['[::1]:50051']), 'ipv6:[::1]:50051');
  });
});

describe('one channel, three backends', () => {
  const threeBackends = (config?: ServiceConfig) => fleetAndClient({ a: {}, b: {}, c: {} }, config && withServiceConfig(config));

  test('without a service config, pick_first sends every call to the first backend', async () => {
    await using three = await threeBackends();
    assert.deepEqual(await whoAnswers(three.client, 9), Array(9).fill('a'));
    assert.equal(three.fleet.backends.b.attempts.length + three.fleet.backends.c.attempts.length, 0);
  });

  test('round_robin spreads calls over all three, in turn', async () => {
    await using three = await threeBackends(roundRobin);
    await greetUntilEachAnswers(three.client, NAMES);
    const spread = await whoAnswers(three.client, 9);
    assert.equal(tally(spread, NAMES), 'a 3, b 3, c 3');
    // In turn: every three consecutive calls went to three different backends.
    for (let i = 0; i + 3 <= spread.length; i++) assert.equal(new Set(spread.slice(i, i + 3)).size, 3, spread.join(' '));
  });

  test('a backend that stops gracefully is skipped, and no call fails', async () => {
    await using three = await threeBackends(roundRobin);
    const { backends, servers } = three.fleet;
    await greetUntilEachAnswers(three.client, NAMES);
    await servers.b.stop();
    const bBefore = backends.b.attempts.length;
    // whoAnswers rejects on the first failed call.
    const after = await whoAnswers(three.client, 12);
    assert.equal(backends.b.attempts.length, bBefore, 'b saw no attempt after it stopped');
    assert.ok(!after.includes('b'));
    assert.ok(after.includes('a') && after.includes('c'), after.join(' '));
  });

  test('a call in flight on a stopping backend still gets its answer', async () => {
    await using three = await threeBackends(roundRobin);
    const { backends, servers } = three.fleet;
    await greetUntilEachAnswers(three.client, NAMES);
    for (const backend of Object.values(backends)) backend.misbehave({ delayMs: 200 });
    const bHasOne = once(backends.b.events, 'received', { signal: AbortSignal.timeout(2_000) });
    // round_robin picks in turn, so three calls at once go to a, b and c.
    const inFlight = [three.client.greet('World'), three.client.greet('World'), three.client.greet('World')];
    await bHasOne;
    await servers.b.stop();
    assert.deepEqual((await Promise.all(inFlight)).map((answer) => answer.backend).sort(), NAMES);
  });

  test('when every backend is down, calls fail fast with UNAVAILABLE', async () => {
    const fleet = await startFleet({ a: {}, b: {}, c: {} });
    await fleet.stop();
    const client = openFleetGreeter(fleet.target, withServiceConfig(roundRobin));
    try {
      await assert.rejects(client.greet('World'), (error: { code: number; details: string }) => {
        assert.equal(error.code, status.UNAVAILABLE);
        assert.match(error.details, /^round_robin: No connection established/);
        return true;
      });
    } finally {
      client.close();
    }
  });
});
