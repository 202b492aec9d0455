import assert from 'node:assert/strict';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { importExercise } from '../../shared/exercise.ts';
import type { Misbehaviour } from '../backend.ts';
import { fleetAndClient } from '../fleet/fleet.ts';
import { withServiceConfig } from '../service-configs.ts';
import { greetUntilEachAnswers, whoAnswers } from '../fleet/spread.ts';

const { fleetConfig } = await importExercise<typeof import('./retry-config.ts')>(import.meta.url, 'retry-config.ts');

/** Backends misbehaving as told, behind one client with the service config under test. */
const fleetWith = (members: Record<string, Misbehaviour>) => fleetAndClient(members, withServiceConfig(fleetConfig));

test('calls are spread over every backend', async () => {
  await using two = await fleetWith({ a: {}, b: {} });
  await greetUntilEachAnswers(two.client, ['a', 'b']);
  assert.deepEqual((await whoAnswers(two.client, 4)).sort(), ['a', 'a', 'b', 'b']);
});

test('a call survives 3 UNAVAILABLE refusals in a row', async () => {
  await using one = await fleetWith({ flaky: { refuseNext: 3 } });
  assert.deepEqual(await one.client.greet('World'), { message: 'Hello, World', backend: 'flaky', attempt: 4 });
  assert.equal(one.fleet.backends.flaky.attempts.length, 4);
});

test('no more than 4 attempts, however long a backend stays down', async () => {
  await using one = await fleetWith({ down: { refuseNext: Infinity } });
  await assert.rejects(one.client.greet('World'), { code: status.UNAVAILABLE, details: 'backend down refused call 4' });
  assert.equal(one.fleet.backends.down.attempts.length, 4);
});

test('INVALID_ARGUMENT is answered after one attempt', async () => {
  await using one = await fleetWith({ strict: {} });
  await assert.rejects(one.client.greet(''), { code: status.INVALID_ARGUMENT });
  assert.equal(one.fleet.backends.strict.attempts.length, 1);
});

test('RESOURCE_EXHAUSTED is answered after one attempt', async () => {
  await using one = await fleetWith({ busy: { refuseNext: Infinity, refuseWith: status.RESOURCE_EXHAUSTED } });
  await assert.rejects(one.client.greet('World'), { code: status.RESOURCE_EXHAUSTED });
  assert.equal(one.fleet.backends.busy.attempts.length, 1);
});
