import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { importExercise } from '../../shared/exercise.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { E7 } from '../model/coordinates.ts';
import { makeFeatures } from '../tools/feature-generator.ts';
import { createRouteGuide, type RouteGuide } from '../route-guide.ts';
import { openRouteGuide } from '../route-guide-client.ts';
import { EVERYWHERE, nextListEnd } from '../tour/stream-control.ts';

const { firstMatch } = await importExercise<typeof import('./first-match.ts')>(import.meta.url, 'first-match.ts');

const TOTAL = 5_000;
let guide: RouteGuide;
let server: RunningServer;
let client: routeguide.RouteGuideClient;
const deadlines: number[] = [];
before(async () => {
  guide = createRouteGuide(makeFeatures(TOTAL, 21));
  server = await startServer((s) =>
    s.addService(routeguide.UnimplementedRouteGuideService.definition, {
      ListFeatures: (call: ServerWritableStream<routeguide.Rectangle, routeguide.Feature>) => {
        deadlines.push(Number(call.getDeadline()));
        guide.handlers.ListFeatures(call);
      },
    }),
  );
  client = openRouteGuide(server.address);
});
after(async () => {
  client.close();
  await server.stop();
});

test('resolves with the first feature whose name has the word, and the server stops early', async () => {
  const expected = guide.features.all.find((feature) => feature.name.includes('Amber Landing'));
  const position = guide.features.all.indexOf(expected!);
  assert.ok(position >= 0 && position < 200, 'the test data has an early match');
  const ended = nextListEnd(guide);
  const found = await firstMatch(client, EVERYWHERE, 'Amber Landing');
  assert.deepEqual(found?.toObject(), expected?.toObject());
  const report = await ended;
  assert.equal(report.completed, false, 'the call was cancelled: the server did not send every feature');
  assert.ok(report.sent < TOTAL / 2, `the server sent ${report.sent} of ${TOTAL}`);
});

test('no match: undefined, after the whole stream', async () => {
  const corner = new routeguide.Rectangle({
    lo: new routeguide.Point({ latitude: 40 * E7, longitude: -75 * E7 }),
    hi: new routeguide.Point({ latitude: 41 * E7, longitude: -74 * E7 }),
  });
  const ended = nextListEnd(guide);
  assert.equal(await firstMatch(client, corner, 'Atlantis'), undefined);
  const report = await ended;
  assert.equal(report.completed, true);
  assert.ok(report.sent > 1_000, `the server sent ${report.sent} features`);
});

test('a refused call rejects with its status', async () => {
  const bad = new routeguide.Rectangle({ lo: new routeguide.Point({ latitude: 950_000_000 }), hi: new routeguide.Point() });
  await assert.rejects(firstMatch(client, bad, 'Pond'), {
    code: status.INVALID_ARGUMENT,
    details: 'rectangle.lo: latitude 950000000 is outside ±900000000 (±90° in E7)',
  });
});

test('every call carried a deadline', () => {
  assert.equal(deadlines.length, 3);
  for (const deadline of deadlines) assert.ok(Number.isFinite(deadline), `deadline ${deadline}`);
});
