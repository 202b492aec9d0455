// Every RPC through a real server and client, including the refusals.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import type { ProtoGrpcType as RouteGuideProto } from '../../../generated/proto-loader/route_guide.ts';
import type { RouteNote__Output } from '../../../generated/proto-loader/routeguide/RouteNote.ts';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { callUnary, deadlineIn } from '../../shared/client.ts';
import { loadProto } from '../../shared/proto-loader.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { collect, writeWithBackpressure } from '../../shared/streams.ts';
import { E7 } from '../model/coordinates.ts';
import type { FeatureRecord } from '../model/feature-file.ts';
import { MAX_NOTE_BYTES } from '../model/note-store.ts';
import { addRouteGuide, createRouteGuide, type RouteGuide, type RouteGuideOptions } from '../route-guide.ts';
import { listFeatures, openRouteGuide, recordRoute } from '../route-guide-client.ts';

const { Point, Rectangle, RouteNote } = routeguide;
const place = (latitudeDegrees: number, longitudeDegrees: number) => ({
  latitude: Math.round(latitudeDegrees * E7),
  longitude: Math.round(longitudeDegrees * E7),
});
const at = (latitudeDegrees: number, longitudeDegrees: number) => new Point(place(latitudeDegrees, longitudeDegrees));

const RECORDS: FeatureRecord[] = [
  { name: 'Null Island', location: place(0, 0) },
  { name: 'One North', location: place(1, 0) },
  { name: 'North-east', location: place(1, 1) },
  { name: 'Far Away', location: place(-33.8567844, 151.213108) },
];

interface Running {
  guide: RouteGuide;
  server: RunningServer;
  client: routeguide.RouteGuideClient;
  stop(): Promise<void>;
}

async function run(options?: RouteGuideOptions, records = RECORDS): Promise<Running> {
  const guide = createRouteGuide(records, options);
  const server = await startServer((s) => addRouteGuide(s, guide));
  const client = openRouteGuide(server.address);
  return {
    guide,
    server,
    client,
    async stop() {
      client.close();
      await server.stop();
    },
  };
}

let shared: Running;
before(async () => {
  shared = await run();
});
after(() => shared.stop());

const names = (features: routeguide.Feature[]) => features.map((feature) => feature.name);
const note = (point: routeguide.Point, message: string) => new RouteNote({ location: point, message });

/** One RouteChat call: sends `notes`, half-closes, and gathers the replies and the final error, if any. */
async function chatAll(client: routeguide.RouteGuideClient, notes: routeguide.RouteNote[]) {
  const call = client.RouteChat({ deadline: deadlineIn(10_000) });
  const replies: string[] = [];
  let error: ServiceError | undefined;
  call.on('data', (reply: routeguide.RouteNote) => replies.push(reply.message));
  call.on('error', (failure: ServiceError) => (error = failure));
  const closed = new Promise((resolve) => call.once('close', resolve));
  for (const sent of notes) {
    if (!(await writeWithBackpressure(call, sent))) break;
  }
  call.end();
  await closed;
  return { replies, error };
}

describe('GetFeature', () => {
  test('a feature\'s exact point answers that feature', async () => {
    const feature = await callUnary(shared.client.GetFeature, at(1, 0));
    assert.deepEqual(feature.toObject(), { name: 'One North', location: { latitude: 10_000_000, longitude: 0 } });
  });

  test('any other point answers a feature with an empty name at that point, not an error', async () => {
    const point = new Point({ latitude: 10_000_001, longitude: 0 });
    const feature = await callUnary(shared.client.GetFeature, point);
    assert.deepEqual(feature.toObject(), { name: '', location: { latitude: 10_000_001, longitude: 0 } });
  });

  test('a point off the Earth is INVALID_ARGUMENT naming the value', async () => {
    await assert.rejects(callUnary(shared.client.GetFeature, new Point({ latitude: 0, longitude: -1_800_000_001 })), {
      code: status.INVALID_ARGUMENT,
      details: 'point: longitude -1800000001 is outside ±1800000000 (±180° in E7)',
    });
  });
});

describe('ListFeatures', () => {
  const rectangle = (lo: routeguide.Point, hi: routeguide.Point) => new Rectangle({ lo, hi });

  test('streams the features inside the rectangle, in file order, whatever the order of the corners', async () => {
    for (const [lo, hi] of [
      [at(-1, -1), at(2, 2)],
      [at(2, 2), at(-1, -1)],
      [at(-1, 2), at(2, -1)],
      [at(2, -1), at(-1, 2)],
    ]) {
      assert.deepEqual(names(await listFeatures(shared.client, rectangle(lo, hi))), ['Null Island', 'One North', 'North-east']);
    }
  });

  test('features on the edges and corners are inside', async () => {
    assert.deepEqual(names(await listFeatures(shared.client, rectangle(at(0, 0), at(1, 0)))), ['Null Island', 'One North']);
    assert.deepEqual(names(await listFeatures(shared.client, rectangle(at(1, 1), at(1, 1)))), ['North-east']);
  });

  test('an empty area is an empty stream with status OK', async () => {
    assert.deepEqual(await listFeatures(shared.client, rectangle(at(10, 10), at(11, 11))), []);
  });

  test('a bad rectangle is INVALID_ARGUMENT before any feature is sent', async () => {
    await assert.rejects(listFeatures(shared.client, rectangle(at(0, 0), new Point({ latitude: -900_000_001, longitude: 0 }))), {
      code: status.INVALID_ARGUMENT,
      details: 'rectangle.hi: latitude -900000001 is outside ±900000000 (±90° in E7)',
    });
    await assert.rejects(listFeatures(shared.client, new Rectangle({ lo: at(0, 0) })), {
      code: status.INVALID_ARGUMENT,
      details: 'rectangle.hi is missing: a rectangle needs two corners',
    });
  });
});

describe('RecordRoute', () => {
  test('pins the numbers for a fixed route: 5 points, 4 at features, 444,762 m, 2 s', async () => {
    const clock = [10_000, 12_999]; // read at the start and at the end of the route
    const timed = await run({ now: () => clock.shift() ?? Number.NaN });
    try {
      const summary = await recordRoute(timed.client, [at(0, 0), at(1, 0), at(1, 1), at(0, 1), at(0, 0)]);
      assert.deepEqual(summary.toObject(), { point_count: 5, feature_count: 4, distance: 444_762, elapsed_time: 2 });
    } finally {
      await timed.stop();
    }
  });

  test('a route of no points is all zeros', async () => {
    const summary = await recordRoute(shared.client, []);
    assert.deepEqual(summary.toObject(), { point_count: 0, feature_count: 0, distance: 0, elapsed_time: 0 });
  });

  test('the first bad point ends the call with INVALID_ARGUMENT, however many points follow', async () => {
    const points = [at(0, 0), at(1, 0), new Point({ latitude: 950_000_000, longitude: 0 }), ...Array.from({ length: 5_000 }, () => at(1, 1))];
    await assert.rejects(recordRoute(shared.client, points, { deadline: deadlineIn(10_000) }), {
      code: status.INVALID_ARGUMENT,
      details: 'point 3: latitude 950000000 is outside ±900000000 (±90° in E7)',
    });
  });

  test('a route longer than int32 metres is OUT_OF_RANGE', async () => {
    const points = Array.from({ length: 109 }, (_, i) => (i % 2 === 0 ? at(0, 0) : at(0, 180)));
    await assert.rejects(recordRoute(shared.client, points), {
      code: status.OUT_OF_RANGE,
      details: 'point 109: the route is now 2161629373 m long, more than RouteSummary.distance holds (int32, at most 2147483647 m)',
    });
  });
});

describe('RouteChat', () => {
  test('each note is answered with every earlier note at the same place, in order', async () => {
    const chatServer = await run();
    try {
      const here = at(5, 5);
      const there = at(6, 6);
      const { replies, error } = await chatAll(chatServer.client, [note(here, 'a1'), note(there, 'b1'), note(here, 'a2'), note(here, 'a3')]);
      assert.equal(error, undefined);
      assert.deepEqual(replies, ['a1', 'a1', 'a2']);
      const second = await chatAll(chatServer.client, [note(here, 'a4'), note(there, 'b2')]);
      assert.deepEqual(second.replies, ['a1', 'a2', 'a3', 'b1'], 'a later chat hears the earlier chat');
      assert.equal(chatServer.guide.notes.size, 6);
    } finally {
      await chatServer.stop();
    }
  });

  test('concurrent chats lose no note and duplicate none; each reply is exactly the notes stored before', async () => {
    const chatServer = await run();
    try {
      const places = [at(7, 7), at(8, 8), at(9, 9)];
      const chats = Array.from({ length: 8 }, (_, c) =>
        Array.from({ length: 25 }, (_, i) => note(places[(c + i) % places.length], `chat ${c} note ${i}`)),
      );
      const results = await Promise.all(chats.map((notes) => chatAll(chatServer.client, notes)));
      assert.equal(chatServer.guide.notes.size, 200);
      const stored = new Map(places.map((place) => [place, chatServer.guide.notes.at(place).map((n) => n.message)]));
      const allStored = [...stored.values()].flat().sort();
      assert.deepEqual(allStored, chats.flat().map((n) => n.message).sort(), 'every note stored exactly once');
      chats.forEach((notes, c) => {
        assert.equal(results[c].error, undefined);
        const expected = notes.flatMap((sent) => {
          const here = stored.get(places.find((place) => place.latitude === sent.location.latitude)!)!;
          return here.slice(0, here.indexOf(sent.message));
        });
        assert.deepEqual(results[c].replies, expected, `chat ${c}`);
      });
    } finally {
      await chatServer.stop();
    }
  });

  test('a full store refuses the next note with RESOURCE_EXHAUSTED naming the limit, and keeps what it had', async () => {
    const small = await run({ maxNotes: 3 });
    try {
      const here = at(1, 2);
      const first = await chatAll(small.client, ['n1', 'n2', 'n3', 'n4', 'n5'].map((text) => note(here, text)));
      assert.deepEqual(first.replies, ['n1', 'n1', 'n2']);
      assert.equal(first.error?.code, status.RESOURCE_EXHAUSTED);
      assert.equal(first.error?.details, 'note 4 was not stored: this server keeps at most 3 notes and has no room left');
      const second = await chatAll(small.client, [note(here, 'late')]);
      assert.equal(second.error?.details, 'note 1 was not stored: this server keeps at most 3 notes and has no room left');
      assert.deepEqual(small.guide.notes.at(here).map((n) => n.message), ['n1', 'n2', 'n3']);
    } finally {
      await small.stop();
    }
  });

  test('notes without a place, off the Earth, or over 1,024 bytes are INVALID_ARGUMENT and not stored', async () => {
    const strict = await run();
    try {
      const refusals: [routeguide.RouteNote, string][] = [
        [new RouteNote({ message: 'where?' }), 'note 2: location is missing'],
        [note(new Point({ latitude: 0, longitude: 1_800_000_001 }), 'x'), 'note 2: location: longitude 1800000001 is outside ±1800000000 (±180° in E7)'],
        [note(at(0, 0), 'é'.repeat(513)), 'note 2: message is 1026 bytes of UTF-8, more than the 1024 allowed'],
      ];
      for (const [bad, details] of refusals) {
        const { error } = await chatAll(strict.client, [note(at(3, 3), 'fine'), bad]);
        assert.equal(error?.code, status.INVALID_ARGUMENT);
        assert.equal(error?.details, details);
      }
      assert.equal(strict.guide.notes.size, 3, 'only the good first notes were stored');
      const { error } = await chatAll(strict.client, [note(at(3, 3), 'x'.repeat(MAX_NOTE_BYTES))]);
      assert.equal(error, undefined, 'exactly 1,024 bytes is allowed');
    } finally {
      await strict.stop();
    }
  });
});

test('a proto-loader (protobuf.js) client, as another language would be, gets the same answers', async () => {
  const proto = loadProto<RouteGuideProto>('route_guide.proto');
  const client = new proto.routeguide.RouteGuide(shared.server.address, credentials.createInsecure());
  try {
    const feature = await callUnary(client.GetFeature.bind(client), { latitude: 0, longitude: 0 });
    assert.deepEqual(feature, { name: 'Null Island', location: { latitude: 0, longitude: 0 } });
    const listed = await collect(client.ListFeatures({ lo: { latitude: 2 * E7, longitude: 2 * E7 }, hi: { latitude: 0, longitude: 0 } }, { deadline: deadlineIn() }), 10);
    assert.deepEqual(listed.map((f) => f.name), ['Null Island', 'One North', 'North-east']);
    const summary = await new Promise((resolve, reject) => {
      const call = client.RecordRoute({ deadline: deadlineIn() }, (error, reply) => (error ? reject(error) : resolve(reply)));
      call.write({ latitude: 0, longitude: 0 });
      call.write({ latitude: E7, longitude: 0 });
      call.end();
    });
    assert.deepEqual(summary, { point_count: 2, feature_count: 2, distance: 111_194, elapsed_time: 0 });
    const chat = client.RouteChat({ deadline: deadlineIn() });
    const replies = collect<RouteNote__Output>(chat, 10);
    chat.write({ location: { latitude: 4 * E7, longitude: 4 * E7 }, message: 'first' });
    chat.write({ location: { latitude: 4 * E7, longitude: 4 * E7 }, message: 'second' });
    chat.end();
    assert.deepEqual(await replies, [{ location: { latitude: 4 * E7, longitude: 4 * E7 }, message: 'first' }]);
  } finally {
    client.close();
  }
});
