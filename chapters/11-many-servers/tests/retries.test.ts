import assert from 'node:assert/strict';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import { Metadata, status, type ChannelOptions, type ServiceConfig } from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { startServer } from '../../shared/server.ts';
import { untilAttempts, type Attempt, type Misbehaviour } from '../backend.ts';
import { staticTarget } from '../fleet-target.ts';
import { openFleetGreeter } from '../fleet-client.ts';
import { fleetAndClient, startFleet } from '../fleet/fleet.ts';
import { askForTenAttempts, hedgeAfter50ms, retryWhenUnavailable, retryWithinBudget, withServiceConfig } from '../service-configs.ts';
import { greetUntilEachAnswers } from '../fleet/spread.ts';
import { startWireCounter } from '../compression/wire-counter.ts';

/** One backend misbehaving as told, and a client with `config` (and more channel options) in front of it. */
async function oneBackend(misbehaviour: Misbehaviour, config?: ServiceConfig, options: ChannelOptions = {}) {
  const setup = await fleetAndClient({ only: misbehaviour }, { ...(config && withServiceConfig(config)), ...options });
  return Object.assign(setup, { backend: setup.fleet.backends.only });
}

const outcomes = (attempts: Attempt[]) => attempts.map(({ previousAttempts, outcome }) => `${previousAttempts}:${outcome}`);

describe('retries by service config', () => {
  test('without a retry policy, the first UNAVAILABLE reaches the caller', async () => {
    await using flaky = await oneBackend({ refuseNext: 2 });
    await assert.rejects(flaky.client.greet('World'), { code: status.UNAVAILABLE, details: 'backend only refused call 1' });
    assert.deepEqual(outcomes(flaky.backend.attempts), ['0:UNAVAILABLE']);
  });

  test('with one, the call survives two refusals; each attempt says how many went before', async () => {
    await using flaky = await oneBackend({ refuseNext: 2 }, retryWhenUnavailable);
    assert.deepEqual(await flaky.client.greet('World'), { message: 'Hello, World', backend: 'only', attempt: 3 });
    assert.deepEqual(outcomes(flaky.backend.attempts), ['0:UNAVAILABLE', '1:UNAVAILABLE', '2:answered']);
  });

  test('a status not listed as retryable is never retried: INVALID_ARGUMENT comes back after one attempt', async () => {
    await using healthy = await oneBackend({}, retryWhenUnavailable);
    await assert.rejects(healthy.client.greet(''), { code: status.INVALID_ARGUMENT, details: 'name must not be empty' });
    assert.deepEqual(outcomes(healthy.backend.attempts), ['0:INVALID_ARGUMENT']);
  });

  test('RESOURCE_EXHAUSTED is not retried either: more attempts would only add load', async () => {
    await using overloaded = await oneBackend({ refuseNext: 1, refuseWith: status.RESOURCE_EXHAUSTED }, retryWhenUnavailable);
    await assert.rejects(overloaded.client.greet('World'), { code: status.RESOURCE_EXHAUSTED });
    assert.deepEqual(outcomes(overloaded.backend.attempts), ['0:RESOURCE_EXHAUSTED']);
  });

  test('maxAttempts 10 is capped at 5 attempts; the last refusal reaches the caller', async () => {
    await using broken = await oneBackend({ refuseNext: Infinity }, askForTenAttempts);
    await assert.rejects(broken.client.greet('World'), { code: status.UNAVAILABLE, details: 'backend only refused call 5' });
    assert.deepEqual(outcomes(broken.backend.attempts), ['0:UNAVAILABLE', '1:UNAVAILABLE', '2:UNAVAILABLE', '3:UNAVAILABLE', '4:UNAVAILABLE']);
  });

  test('the cap is a channel option, grpc-node.retry_max_attempts_limit', async () => {
    await using broken = await oneBackend({ refuseNext: Infinity }, askForTenAttempts, { 'grpc-node.retry_max_attempts_limit': 3 });
    await assert.rejects(broken.client.greet('World'), { code: status.UNAVAILABLE });
    assert.equal(broken.backend.attempts.length, 3);
  });

  test('retryThrottling: once half the tokens are spent, failed calls are not retried', async () => {
    await using down = await oneBackend({ refuseNext: Infinity }, retryWithinBudget);
    const attemptsPerCall: number[] = [];
    for (let call = 0; call < 4; call++) {
      const before = down.backend.attempts.length;
      await assert.rejects(down.client.greet('World'), { code: status.UNAVAILABLE });
      attemptsPerCall.push(down.backend.attempts.length - before);
    }
    // 10 tokens; each failed attempt costs 1; retrying needs more than 5 left.
    assert.deepEqual(attemptsPerCall, [5, 1, 1, 1]);
  });

  test('the token bucket belongs to the target: a new channel to it inherits the spent tokens', async () => {
    await using down = await oneBackend({ refuseNext: Infinity }, retryWithinBudget);
    await assert.rejects(down.client.greet('World'), { code: status.UNAVAILABLE });
    assert.equal(down.backend.attempts.length, 5);
    const sameTarget = openFleetGreeter(down.fleet.target, withServiceConfig(retryWithinBudget));
    try {
      await assert.rejects(sameTarget.greet('World'), { code: status.UNAVAILABLE });
      assert.equal(down.backend.attempts.length, 6, 'the new channel made one attempt');
    } finally {
      sameTarget.close();
    }
  });

  test('a call whose response headers have arrived is committed: it is not retried', async () => {
    let attempts = 0;
    const headersThenFailure: helloworld.UnimplementedGreeterService = {
      SayHello: (call, callback) => {
        attempts++;
        call.sendMetadata(new Metadata()); // headers first, as a streaming server does
        callback({ code: status.UNAVAILABLE, details: 'failed after sending headers' });
      },
      SayHelloAgain: (_call, callback) => callback({ code: status.UNIMPLEMENTED }),
    };
    const server = await startServer((s) => s.addService(helloworld.UnimplementedGreeterService.definition, headersThenFailure));
    const client = openFleetGreeter(server.address, withServiceConfig(retryWhenUnavailable));
    try {
      await assert.rejects(client.greet('World'), { code: status.UNAVAILABLE, details: 'failed after sending headers' });
      assert.equal(attempts, 1);
    } finally {
      client.close();
      await server.stop();
    }
  });

  test('a connection that drops mid-call (a crash) is UNAVAILABLE: retried, the call is answered by another backend', async () => {
    const fleet = await startFleet({ a: {}, b: {} });
    // a is reached through a proxy, so the test can cut its connection the way a crash would.
    const cable = await startWireCounter(fleet.servers.a.port);
    const client = openFleetGreeter(staticTarget([cable.address, fleet.servers.b.address]), withServiceConfig(retryWhenUnavailable));
    try {
      const seen = await greetUntilEachAnswers(client, ['a', 'b']);
      // round_robin alternates between the two: make sure the next call goes to a.
      if (seen.at(-1) === 'a') await client.greet('World');
      fleet.backends.a.misbehave({ delayMs: 5_000 });
      const aHasIt = once(fleet.backends.a.events, 'received', { signal: AbortSignal.timeout(2_000) });
      const answer = client.greet('World', { deadline: new Date(Date.now() + 4_000) });
      await aHasIt;
      await cable.close(); // the connection drops, with no goodbye
      assert.deepEqual(await answer, { message: 'Hello, World', backend: 'b', attempt: 2 });
    } finally {
      client.close();
      await cable.close();
      await fleet.stop(0);
    }
  });

  test('grpc-js rejects a service config it cannot use when the channel is made', () => {
    const badPolicy = { ...retryWhenUnavailable, methodConfig: [{ name: [{ service: 'helloworld.Greeter' }], retryPolicy: { maxAttempts: 1 } }] };
    assert.throws(() => openFleetGreeter('127.0.0.1:1', { 'grpc.service_config': JSON.stringify(badPolicy) }), /maxAttempts must be an integer at least 2/);
  });
});

describe('hedging by service config', () => {
  test('a slow backend is hedged: every call is answered by the fast one, and the slow attempt is cancelled', async () => {
    await using pair = await fleetAndClient({ slow: {}, fast: {} }, withServiceConfig(hedgeAfter50ms));
    const { slow, fast } = pair.fleet.backends;
    await greetUntilEachAnswers(pair.client, ['slow', 'fast']);
    const [slowBefore, fastBefore] = [slow.attempts.length, fast.attempts.length];
    slow.misbehave({ delayMs: 5_000 });
    // round_robin alternates, so of two calls in a row at least one goes to slow first.
    const answers = [await pair.client.greet('World'), await pair.client.greet('World')];
    assert.deepEqual(answers.map((answer) => answer.backend), ['fast', 'fast']);
    const hedged = answers.filter((answer) => answer.attempt === 2).length;
    assert.ok(hedged >= 1, 'at least one call was hedged');
    await untilAttempts(slow, slowBefore + hedged);
    assert.deepEqual(outcomes(slow.attempts.slice(slowBefore)), Array(hedged).fill('0:CANCELLED'));
    assert.deepEqual(outcomes(fast.attempts.slice(fastBefore)).sort(), [...Array(2 - hedged).fill('0:answered'), ...Array(hedged).fill('1:answered')]);
  });

  test('retryPolicy and hedgingPolicy cannot be combined in one method config', () => {
    const both = { loadBalancingConfig: [], methodConfig: [{ ...retryWhenUnavailable.methodConfig[0], hedgingPolicy: { maxAttempts: 2 } }] };
    assert.throws(() => openFleetGreeter('127.0.0.1:1', { 'grpc.service_config': JSON.stringify(both) }), /retryPolicy and hedgingPolicy cannot both be specified/);
  });
});
