// ListFeatures under pressure: a slow reader, a reader that stalls, a client
// that cancels. The server's own report (list-features.ts) says what its loop
// did. HTTP/2 lets about 1,700 of these features into the pipe between the two
// sides (Node's default 65,535-byte HTTP/2 window plus buffers), so TOTAL is
// well above that: a loop that ignored the client would visibly send them all.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { routeguide } from '../../../generated/static/route_guide.ts';
import type { SomeHandlers } from '../../shared/handlers.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { carelessListFeatures } from '../tour/careless-list-features.ts';
import { makeFeatures } from '../tools/feature-generator.ts';
import { addRouteGuide, createRouteGuide, type RouteGuide } from '../route-guide.ts';
import { openRouteGuide } from '../route-guide-client.ts';
import { cancelAfter, EVERYWHERE, nextListEnd, readSlowly } from '../tour/stream-control.ts';

const TOTAL = 5_000;
let guide: RouteGuide;
let server: RunningServer;
before(async () => {
  guide = createRouteGuide(makeFeatures(TOTAL, 11));
  server = await startServer((s) => addRouteGuide(s, guide));
});
after(() => server.stop());

describe('backpressure', () => {
  test('a slow reader gets every feature exactly once, in order, while the server waits for drain', async () => {
    const ended = nextListEnd(guide);
    const reading = await readSlowly(server.address, guide.features.all, 500, 5);
    const report = await ended;
    assert.deepEqual(reading, { received: TOTAL, inOrder: true });
    assert.deepEqual({ completed: report.completed, sent: report.sent }, { completed: true, sent: TOTAL });
    assert.ok(report.drainWaits > 0, 'write() returned false at least once and the loop waited');
    // grpc-js server calls buffer 16 messages (object-mode highWaterMark) before write() says stop.
    assert.equal(report.mostBuffered, 16);
  });

  test('the measure is real: a server that ignores write()\'s false buffers every feature at once', async () => {
    let mostBuffered: number | undefined;
    const careless = await startServer((s) =>
      s.addService(routeguide.UnimplementedRouteGuideService.definition, {
        ListFeatures: carelessListFeatures(guide.features, (most) => (mostBuffered = most)),
      } satisfies SomeHandlers<routeguide.UnimplementedRouteGuideService>),
    );
    try {
      assert.deepEqual(await readSlowly(careless.address, guide.features.all, 500, 5), { received: TOTAL, inOrder: true });
      assert.equal(mostBuffered, TOTAL);
    } finally {
      await careless.stop();
    }
  });

  test('a reader that stalls holds the server back until the deadline ends the call, and the loop', async () => {
    const client = openRouteGuide(server.address);
    try {
      const ended = nextListEnd(guide);
      const call = client.ListFeatures(EVERYWHERE, { deadline: new Date(Date.now() + 300) });
      call.once('data', () => call.pause()); // reads one feature, then nothing more
      const [error] = (await once(call, 'error', { signal: AbortSignal.timeout(5_000) })) as [{ code: number }];
      assert.equal(error.code, status.DEADLINE_EXCEEDED);
      const report = await ended;
      assert.equal(report.completed, false);
      assert.ok(report.sent > 16 && report.sent < TOTAL / 2, `the loop stopped after ${report.sent} features`);
    } finally {
      client.close();
    }
  });
});

test('cancel() stops the server\'s loop: it sends far fewer than all, and reports it did not complete', async () => {
  const { details, report } = await cancelAfter(server.address, guide, 50);
  assert.equal(details, 'Cancelled on client');
  assert.deepEqual({ completed: report.completed, matching: report.matching }, { completed: false, matching: TOTAL });
  assert.ok(report.sent >= 50 && report.sent < TOTAL / 2, `the loop stopped after ${report.sent} features`);
});
