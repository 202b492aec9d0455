// The four call shapes from the client side, as lesson 04 quotes them
// (route-guide-client.ts), against a real server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { startServer } from '../../shared/server.ts';
import { addRouteGuide, createRouteGuide } from '../route-guide.ts';
import { getFeature, listFeatures, openRouteGuide, recordRoute, routeChat } from '../route-guide-client.ts';

const { Point, Rectangle, RouteNote } = routeguide;
const pond = { latitude: 10_000_000, longitude: 0 };
const ridge = { latitude: 20_000_000, longitude: 0 };

test('unary, server streaming, client streaming and bidirectional calls, each from one client function', async () => {
  const server = await startServer((s) =>
    addRouteGuide(s, createRouteGuide([{ name: 'Pond', location: pond }, { name: 'Ridge', location: ridge }])),
  );
  const client = openRouteGuide(server.address);
  try {
    assert.equal((await getFeature(client, new Point(pond))).name, 'Pond');
    assert.equal((await getFeature(client, new Point({ latitude: 1, longitude: 1 }))).name, '');

    const box = new Rectangle({ lo: new Point({ latitude: 0, longitude: -1 }), hi: new Point({ latitude: 30_000_000, longitude: 1 }) });
    assert.deepEqual((await listFeatures(client, box)).map((feature) => feature.name), ['Pond', 'Ridge']);

    const summary = await recordRoute(client, [new Point(pond), new Point(ridge), new Point(pond)]);
    assert.deepEqual(summary.toObject(), { point_count: 3, feature_count: 3, distance: 222_389, elapsed_time: 0 });

    const note = (message: string) => new RouteNote({ location: new Point(pond), message });
    assert.deepEqual((await routeChat(client, [note('a'), note('b'), note('c')])).map((reply) => reply.message), ['a', 'a', 'b']);

    await assert.rejects(getFeature(client, new Point({ latitude: 950_000_000, longitude: 0 })), { code: status.INVALID_ARGUMENT });
    await assert.rejects(routeChat(client, [note('d'), new RouteNote({ location: new Point({ latitude: 950_000_000, longitude: 0 }), message: 'e' })]), {
      code: status.INVALID_ARGUMENT,
    });
  } finally {
    client.close();
    await server.stop();
  }
});
