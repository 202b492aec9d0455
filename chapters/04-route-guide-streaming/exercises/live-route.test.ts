import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  credentials,
  InterceptingCall,
  ListenerBuilder,
  RequesterBuilder,
  status,
  type Interceptor,
  type ServerReadableStream,
  type sendUnaryData,
} from '@grpc/grpc-js';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { eventWithin, importExercise } from '../../shared/exercise.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { E7 } from '../model/coordinates.ts';
import { createRouteGuide } from '../route-guide.ts';

const { recordLive } = await importExercise<typeof import('./live-route.ts')>(import.meta.url, 'live-route.ts');

const at = (latitude: number, longitude: number) => new routeguide.Point({ latitude: latitude * E7, longitude: longitude * E7 });
const guide = createRouteGuide([
  { name: 'Null Island', location: { latitude: 0, longitude: 0 } },
  { name: 'One North', location: { latitude: E7, longitude: 0 } },
]);

/** What the server saw of each RecordRoute call. */
interface Seen {
  points: number;
  deadline: number;
}
const calls: Seen[] = [];
const serverEvents = new EventEmitter<{ point: [] }>();

/** The status each call ended with, as the client saw it: OK after a half-close, CANCELLED after cancel(). */
const clientStatuses = new EventEmitter<{ status: [string] }>();
const recordStatus: Interceptor = (options, nextCall) =>
  new InterceptingCall(
    nextCall(options),
    new RequesterBuilder()
      .withStart((metadata, listener, next) => {
        next(metadata, new ListenerBuilder().withOnReceiveStatus((received, nextStatus) => {
          clientStatuses.emit('status', status[received.code]);
          nextStatus(received);
        }).build());
      })
      .build(),
  );

let server: RunningServer;
let client: routeguide.RouteGuideClient;
before(async () => {
  server = await startServer((s) =>
    s.addService(routeguide.UnimplementedRouteGuideService.definition, {
      RecordRoute: (call: ServerReadableStream<routeguide.Point, routeguide.RouteSummary>, callback: sendUnaryData<routeguide.RouteSummary>) => {
        const seen: Seen = { points: 0, deadline: Number(call.getDeadline()) };
        calls.push(seen);
        call.on('data', () => {
          seen.points++;
          serverEvents.emit('point');
        });
        guide.handlers.RecordRoute(call, callback);
      },
    }),
  );
  client = new routeguide.RouteGuideClient(server.address, credentials.createInsecure(), { interceptors: [recordStatus] });
});
after(async () => {
  client.close();
  await server.stop();
});

async function* gps(points: routeguide.Point[], gapMs = 1) {
  for (const point of points) {
    await sleep(gapMs);
    yield point;
  }
}

test('streams the points as they come and resolves with the summary', async () => {
  const ended = eventWithin(clientStatuses, 'status', 5_000, 'the call to end with a status');
  const summary = await recordLive(client, gps([at(0, 0), at(1, 0), at(1, 1), at(0, 0)]), 5_000);
  assert.deepEqual({ ...summary.toObject(), elapsed_time: 0 }, { point_count: 4, feature_count: 3, distance: 379_622, elapsed_time: 0 });
  assert.deepEqual(await ended, ['OK']);
  assert.ok(Number.isFinite(calls.at(-1)!.deadline), 'the call carries a deadline');
});

test('the server sees the first point before the feed has finished', async () => {
  let yielded = 0;
  async function* watched() {
    for (const point of [at(0, 0), at(1, 0), at(0, 0)]) {
      yielded++;
      yield point;
      if (yielded === 1) {
        await eventWithin(serverEvents, 'point', 5_000, 'the server to see the first point while the feed is still running: write each point as it comes');
        assert.equal(yielded, 1, 'the first point reached the server while the feed was still running');
      }
    }
  }
  assert.equal((await recordLive(client, watched(), 5_000)).point_count, 3);
});

test('a feed that fails cancels the call (CANCELLED), rather than half-closing it (OK, a summary of half a route)', async () => {
  const gpsFailure = new Error('GPS lost its fix');
  async function* failing() {
    yield at(0, 0);
    await eventWithin(serverEvents, 'point', 5_000, 'the server to see the first point: write each point as it comes'); // the call is under way
    throw gpsFailure;
  }
  const ended = eventWithin(clientStatuses, 'status', 5_000, 'the call to end with a status');
  ended.catch(() => {}); // awaited below, once recordLive has settled
  await assert.rejects(recordLive(client, failing(), 5_000), (error) => error === gpsFailure);
  assert.equal(calls.at(-1)!.points, 1);
  // CANCELLED: the client cancelled. OK would mean it half-closed and the server summed up half a route.
  assert.deepEqual(await ended, ['CANCELLED']);
});

test('a refused point ends it: INVALID_ARGUMENT, and the feed is no longer pulled', async () => {
  let pulled = 0;
  async function* endless() {
    yield at(0, 0);
    yield new routeguide.Point({ latitude: 950_000_000, longitude: 0 });
    while (pulled < 2_000) {
      pulled++;
      await sleep(1);
      yield at(1, 0);
    }
  }
  await assert.rejects(recordLive(client, endless(), 10_000), {
    code: status.INVALID_ARGUMENT,
    details: 'point 2: latitude 950000000 is outside ±900000000 (±90° in E7)',
  });
  const stoppedAt = pulled;
  await sleep(20);
  assert.equal(pulled, stoppedAt, 'nothing pulls the feed after the call is over');
  assert.ok(pulled < 1_000, `the feed was pulled ${pulled} more times after the refused point`);
});
