import assert from 'node:assert/strict';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { callUnary, deadlineIn } from '../../shared/client.ts';
import { startServer } from '../../shared/server.ts';
import { runScript, startServerScript } from '../../shared/testing.ts';
import { EUROPE, LANDMARKS } from '../feature-feed.ts';
import { healthClient, HealthWatch } from '../inspection/health-client.ts';
import { WHOLE_SERVER } from '../health.ts';
import { operatedServer } from '../operated-server.ts';
import { collectStream, stopWhileBusy } from '../tour/shutdown.ts';

const SERVER = 'chapters/10-operating-a-service/server.ts';
const landmarkNames = LANDMARKS.map((feature) => feature.name);

describe('graceful shutdown', () => {
  test('SIGTERM mid-stream: watchers hear NOT_SERVING, new calls are refused, the stream delivers every feature, the process exits 0', async () => {
    const server = await startServerScript(SERVER);
    const insecure = grpc.credentials.createInsecure();
    const health = healthClient(server.address);
    const features = new routeguide.RouteGuideClient(server.address, insecure);
    const greeter = new helloworld.GreeterClient(server.address, insecure);
    try {
      const watch = new HealthWatch(health, WHOLE_SERVER);
      assert.equal(await watch.next(), 'SERVING');
      const stream = features.ListFeatures(EUROPE, { deadline: deadlineIn(10_000) });
      const streamed = collectStream(stream);
      await once(stream, 'data');

      const exited = server.interrupt('SIGTERM');
      assert.equal(await watch.next(), 'NOT_SERVING');
      // A watcher that has heard NOT_SERVING goes elsewhere; one that stayed
      // would hold the server until the end of its grace period.
      watch.cancel();
      await server.waitForOutput(/SIGTERM: finishing in-flight calls, then stopping/);
      await assert.rejects(callUnary(greeter.SayHello, new helloworld.HelloRequest({ name: 'late' })), { code: grpc.status.UNAVAILABLE });

      const { messages, status } = await streamed;
      assert.deepEqual(
        messages.map((feature) => feature.name),
        landmarkNames,
      );
      assert.equal(status.code, grpc.status.OK);
      const { code, stdout, stderr } = await exited;
      assert.equal(code, 0, stderr);
      assert.match(stdout, /SIGTERM: finishing in-flight calls, then stopping\nstopped\n$/);
    } finally {
      for (const client of [health, features, greeter]) client.close();
      await server.interrupt('SIGKILL'); // no-op once it has exited
    }
  });

  test('in process: the stream finishes within the grace period, the Watch is cancelled when it ends, a late call is refused', async () => {
    const operated = operatedServer({ intervalMs: 5 });
    const running = await startServer(operated.addServices);
    try {
      assert.deepEqual(await stopWhileBusy(running, operated.health, 300), {
        streamed: 8,
        streamStatus: 'OK',
        lateCall: 'UNAVAILABLE',
        watcherSaw: ['SERVING', 'NOT_SERVING', 'CANCELLED'],
      });
    } finally {
      await running.stop(0);
    }
  });

  test('a stream still running when the grace period ends is cancelled, and keeps what it had delivered', async () => {
    const running = await startServer(operatedServer({ intervalMs: 1_000 }).addServices);
    const client = new routeguide.RouteGuideClient(running.address, grpc.credentials.createInsecure());
    try {
      const stream = client.ListFeatures(EUROPE, { deadline: deadlineIn(10_000) });
      const streamed = collectStream(stream);
      await once(stream, 'data');
      await running.stop(100);
      const { messages, status } = await streamed;
      assert.deepEqual(
        messages.map((feature) => feature.name),
        landmarkNames.slice(0, 1),
      );
      assert.equal(status.code, grpc.status.CANCELLED);
    } finally {
      client.close();
    }
  });
});

describe('split run', () => {
  test('client.ts inspects server.ts by reflection, health and channelz, then reads the whole stream', async () => {
    const server = await startServerScript(SERVER);
    try {
      const client = await runScript('chapters/10-operating-a-service/client.ts', ['--addr', server.address]);
      assert.equal(client.code, 0, client.stderr);
      assert.match(client.stdout, /← \.MyService\n/);
      assert.match(client.stdout, /rpc ListFeatures \(routeguide\.Rectangle\) returns \(stream routeguide\.Feature\);/);
      assert.match(client.stdout, /"MyService":"SERVING"/);
      assert.match(client.stdout, /✖ NOT_FOUND \(5\): Health status unknown for service nosuch\.Service/);
      assert.match(client.stdout, /6 calls started, 4 succeeded, 1 failed/);
      assert.equal(client.stdout.match(/← \{"name":/g)?.length, 8);
      assert.match(client.stdout, /8 features, then OK\n$/);
    } finally {
      const stopped = await server.interrupt();
      assert.equal(stopped.code, 0, stopped.stderr);
    }
  });
});
