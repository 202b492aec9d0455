import assert from 'node:assert/strict';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { importExercise } from '../../shared/exercise.ts';
import { openFleetGreeter } from '../fleet-client.ts';
import { startFleet } from '../fleet.ts';
import { withServiceConfig } from '../service-configs.ts';
import { greetUntilEachAnswers, whoAnswers } from '../spread.ts';

const { fleetConfig } = await importExercise<typeof import('./retry-config.ts')>(import.meta.url, 'retry-config.ts');

async function fleetWith(members: Parameters<typeof startFleet>[0]) {
  const fleet = await startFleet(members);
  const client = openFleetGreeter(fleet.target, withServiceConfig(fleetConfig));
  return { fleet, client, done: async () => (client.close(), await fleet.stop()) };
}

test('calls are spread over every backend', async () => {
  const { client, done } = await fleetWith({ a: {}, b: {} });
  try {
    await greetUntilEachAnswers(client, ['a', 'b']);
    const answeredBy = await whoAnswers(client, 4);
    assert.deepEqual([...answeredBy].sort(), ['a', 'a', 'b', 'b']);
  } finally {
    await done();
  }
});

test('a call survives 3 UNAVAILABLE refusals in a row', async () => {
  const { fleet, client, done } = await fleetWith({ flaky: { refuseNext: 3 } });
  try {
    assert.deepEqual(await client.greet('World'), { message: 'Hello, World', backend: 'flaky', attempt: 4 });
    assert.equal(fleet.backends.flaky.attempts.length, 4);
  } finally {
    await done();
  }
});

test('no more than 4 attempts, however long a backend stays down', async () => {
  const { fleet, client, done } = await fleetWith({ down: { refuseNext: Infinity } });
  try {
    await assert.rejects(client.greet('World'), { code: status.UNAVAILABLE, details: 'backend down refused call 4' });
    assert.equal(fleet.backends.down.attempts.length, 4);
  } finally {
    await done();
  }
});

test('INVALID_ARGUMENT is answered after one attempt', async () => {
  const { fleet, client, done } = await fleetWith({ strict: {} });
  try {
    await assert.rejects(client.greet(''), { code: status.INVALID_ARGUMENT });
    assert.equal(fleet.backends.strict.attempts.length, 1);
  } finally {
    await done();
  }
});

test('RESOURCE_EXHAUSTED is answered after one attempt', async () => {
  const { fleet, client, done } = await fleetWith({ busy: { refuseNext: Infinity, refuseWith: status.RESOURCE_EXHAUSTED } });
  try {
    await assert.rejects(client.greet('World'), { code: status.RESOURCE_EXHAUSTED });
    assert.equal(fleet.backends.busy.attempts.length, 1);
  } finally {
    await done();
  }
});
