import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { deadlineIn } from '../../shared/client.ts';
import { importExercise } from '../../shared/exercise.ts';
import { startServer } from '../../shared/server.ts';
import { addFeatureFeed, EUROPE } from '../feature-feed.ts';
import { startFreezableProxy } from '../connections/freezable-proxy.ts';

const { frozenPeerOptions } = await importExercise<typeof import('./frozen-peer-options.ts')>(import.meta.url, 'frozen-peer-options.ts');

test('pings no more often than every 300 ms', () => {
  const interval = frozenPeerOptions['grpc.keepalive_time_ms'];
  assert.ok(typeof interval === 'number' && interval >= 300, `grpc.keepalive_time_ms is ${interval}`);
});

test('a frozen connection fails the call with UNAVAILABLE within 1,000 ms, long before its deadline', async () => {
  // One feature now, the next in a minute: the stream sits idle.
  const server = await startServer((s) => addFeatureFeed(s, { intervalMs: 60_000 }));
  const proxy = await startFreezableProxy(server.port);
  const client = new routeguide.RouteGuideClient(proxy.address, grpc.credentials.createInsecure(), frozenPeerOptions);
  try {
    const call = client.ListFeatures(EUROPE, { deadline: deadlineIn(3_000) });
    const failed = new Promise<grpc.ServiceError>((resolve) => call.on('error', resolve));
    await once(call, 'data');
    const frozenAt = Date.now();
    proxy.freeze();
    const error = await failed;
    const afterMs = Date.now() - frozenAt;
    assert.equal(grpc.status[error.code], 'UNAVAILABLE', `the call ended with ${error.details}`);
    assert.ok(afterMs < 1_000, `found out ${afterMs} ms after the freeze`);
  } finally {
    client.close();
    await proxy.close();
    await server.stop(0);
  }
});
