import assert from 'node:assert/strict';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { openFleetGreeter } from './fleet-client.ts';
import { resolvedTarget, staticTarget } from './fleet-target.ts';
import { startFleet } from './fleet.ts';
import { roundRobin, withServiceConfig } from './service-configs.ts';
import { greetUntilEachAnswers, tally, whoAnswers } from './spread.ts';

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
  test('without a service config, pick_first sends every call to the first backend', async () => {
    const fleet = await startFleet({ a: {}, b: {}, c: {} });
    const client = openFleetGreeter(fleet.target);
    try {
      assert.deepEqual(await whoAnswers(client, 9), Array(9).fill('a'));
      assert.equal(fleet.backends.b.attempts.length + fleet.backends.c.attempts.length, 0);
    } finally {
      client.close();
      await fleet.stop();
    }
  });

  test('round_robin spreads calls over all three, in turn', async () => {
    const fleet = await startFleet({ a: {}, b: {}, c: {} });
    const client = openFleetGreeter(fleet.target, withServiceConfig(roundRobin));
    try {
      await greetUntilEachAnswers(client, NAMES);
      const spread = await whoAnswers(client, 9);
      assert.equal(tally(spread, NAMES), 'a 3, b 3, c 3');
      // In turn: every three consecutive calls went to three different backends.
      for (let i = 0; i + 3 <= spread.length; i++) assert.equal(new Set(spread.slice(i, i + 3)).size, 3, spread.join(' '));
    } finally {
      client.close();
      await fleet.stop();
    }
  });

  test('a backend that stops gracefully is skipped, and no call fails', async () => {
    const fleet = await startFleet({ a: {}, b: {}, c: {} });
    const client = openFleetGreeter(fleet.target, withServiceConfig(roundRobin));
    try {
      await greetUntilEachAnswers(client, NAMES);
      await fleet.servers.b.stop();
      const bBefore = fleet.backends.b.attempts.length;
      // whoAnswers rejects on the first failed call.
      const after = await whoAnswers(client, 12);
      assert.equal(fleet.backends.b.attempts.length, bBefore, 'b saw no attempt after it stopped');
      assert.ok(!after.includes('b'));
      assert.ok(after.includes('a') && after.includes('c'), after.join(' '));
    } finally {
      client.close();
      await fleet.stop();
    }
  });

  test('a call in flight on a stopping backend still gets its answer', async () => {
    const fleet = await startFleet({ a: {}, b: {}, c: {} });
    const client = openFleetGreeter(fleet.target, withServiceConfig(roundRobin));
    try {
      await greetUntilEachAnswers(client, NAMES);
      for (const backend of Object.values(fleet.backends)) backend.misbehave({ delayMs: 200 });
      const bHasOne = once(fleet.backends.b.events, 'received', { signal: AbortSignal.timeout(2_000) });
      // round_robin picks in turn, so three calls at once go to a, b and c.
      const inFlight = [client.greet('World'), client.greet('World'), client.greet('World')];
      await bHasOne;
      await fleet.servers.b.stop();
      assert.deepEqual((await Promise.all(inFlight)).map((answer) => answer.backend).sort(), NAMES);
    } finally {
      client.close();
      await fleet.stop();
    }
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
