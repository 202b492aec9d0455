import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { google } from '../../../generated/static/google/protobuf/empty.ts';
import { MyServiceClient, UserReq } from '../../../generated/static/users.ts';
import { callUnary } from '../../shared/client.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { checkHealth, Health, healthClient, HealthWatch } from '../inspection/health-client.ts';
import { WHOLE_SERVER } from '../health.ts';
import { callMethod } from '../inspection/method-calls.ts';
import { operatedServer, SERVICE_NAMES, type OperatedServer } from '../operated-server.ts';

let operated: OperatedServer;
let server: RunningServer;
let health: grpc.Client;
let users: MyServiceClient;
before(async () => {
  operated = operatedServer({ intervalMs: 1 });
  server = await startServer(operated.addServices);
  health = healthClient(server.address);
  users = new MyServiceClient(server.address, grpc.credentials.createInsecure());
});
after(async () => {
  health.close();
  users.close();
  await server.stop(0);
});

const listStatuses = async () =>
  Object.fromEntries(Object.entries((await callMethod(health, Health.List, {})).statuses).map(([name, { status }]) => [name, status]));

test('every service the server does work for has a status, and "" stands for the whole server', async () => {
  assert.deepEqual(await listStatuses(), {
    '': 'SERVING',
    'helloworld.Greeter': 'SERVING',
    Cal: 'SERVING',
    'compute.Compute': 'SERVING',
    MyService: 'SERVING',
    'routeguide.RouteGuide': 'SERVING',
  });
  for (const name of SERVICE_NAMES) assert.equal(await checkHealth(health, name), 'SERVING');
  await assert.rejects(checkHealth(health, 'MyServic'), {
    code: grpc.status.NOT_FOUND,
    details: 'Health status unknown for service MyServic',
  });
});

test('Watch streams SERVING → NOT_SERVING → SERVING as the user directory fails and recovers; only MyService is affected', async () => {
  const watch = new HealthWatch(health, 'MyService');
  try {
    assert.equal(await watch.next(), 'SERVING', 'the current status comes first');

    operated.directory.fail('connection refused');
    assert.equal(await watch.next(), 'NOT_SERVING');
    await assert.rejects(callUnary(users.User, new UserReq({ userIDs: [1] })), {
      code: grpc.status.UNAVAILABLE,
      details: 'user directory unreachable: connection refused',
    });
    // Liveness is not readiness: the process is alive, so MyService.Health still answers.
    assert.deepEqual((await callUnary(users.Health, new google.protobuf.Empty())).toObject(), {});
    assert.equal(await checkHealth(health, 'helloworld.Greeter'), 'SERVING');
    assert.equal(await checkHealth(health, WHOLE_SERVER), 'SERVING');

    operated.directory.fail('still refused'); // no change of status, so no message
    operated.directory.recover();
    assert.equal(await watch.next(), 'SERVING');
    const reply = await callUnary(users.User, new UserReq({ userIDs: [2] }));
    assert.deepEqual(reply.data.map((user) => user.name), ['Bao Tran']);
  } finally {
    watch.cancel();
    operated.directory.recover();
  }
});

test('Watch on a name the server does not know says SERVICE_UNKNOWN and stays open', async () => {
  const watch = new HealthWatch(health, 'nosuch.Service');
  try {
    assert.equal(await watch.next(), 'SERVICE_UNKNOWN');
    operated.health.set('nosuch.Service', 'SERVING');
    assert.equal(await watch.next(), 'SERVING');
  } finally {
    watch.cancel();
  }
});

test('a Watch ends with the status of its call: CANCELLED when the client cancels, DEADLINE_EXCEEDED at its deadline', async () => {
  const cancelled = new HealthWatch(health, WHOLE_SERVER);
  assert.equal(await cancelled.next(), 'SERVING');
  cancelled.cancel();
  await assert.rejects(cancelled.next(), { code: grpc.status.CANCELLED });

  const expiring = new HealthWatch(health, WHOLE_SERVER, new Date(Date.now() + 100));
  assert.equal(await expiring.next(), 'SERVING');
  await assert.rejects(expiring.next(), { code: grpc.status.DEADLINE_EXCEEDED });
});

test('markAllNotServing turns every name NOT_SERVING, as the server does when told to stop', async () => {
  const separate = operatedServer();
  const running = await startServer(separate.addServices);
  const client = healthClient(running.address);
  try {
    const watch = new HealthWatch(client, 'routeguide.RouteGuide');
    assert.equal(await watch.next(), 'SERVING');
    separate.health.markAllNotServing();
    assert.equal(await watch.next(), 'NOT_SERVING');
    watch.cancel();
    const statuses = Object.values((await callMethod(client, Health.List, {})).statuses).map(({ status }) => status);
    assert.deepEqual(statuses, Array(SERVICE_NAMES.length + 1).fill('NOT_SERVING'));
  } finally {
    client.close();
    await running.stop(0);
  }
});
