// One connect-node server, called over HTTP/2 by grpc-js (chapters 02 and 04),
// by Python grpcio (chapter 12), by connect-node in every protocol, and over
// HTTP/1.1 by plain fetch, the way a page calls it.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { createClient } from '@connectrpc/connect';
import { status } from '@grpc/grpc-js';
import { RouteGuide } from '../../../generated/es/route_guide_pb.ts';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { staticGreeterCalls } from '../../02-unary-hello/greeter-clients.ts';
import { listFeatures, openRouteGuide, recordRoute } from '../../04-route-guide-streaming/route-guide-client.ts';
import { CHAPTER_DIR, peerSkip, PYTHON } from '../../12-python-and-go-peers/tools/toolchain.ts';
import { deadlineIn } from '../../shared/client.ts';
import { collect } from '../../shared/streams.ts';
import { runProcess } from '../../shared/testing.ts';
import { greetInEveryProtocol } from '../from-node/every-protocol.ts';
import { nodeTransports } from '../from-node/node-transports.ts';
import { startWebServer, type RunningWebServer } from '../web-server.ts';
import { Transcript } from '../../shared/transcript.ts';

const { Point, Rectangle, RouteNote } = routeguide;
const quiet = new Transcript(() => {});

let server: RunningWebServer;
before(async () => (server = await startWebServer()));
after(() => server.stop());

describe('grpc-js clients from chapters 02 and 04, over HTTP/2', () => {
  test('unary: SayHello, and INVALID_ARGUMENT for an empty name', async () => {
    const greeter = staticGreeterCalls(server.grpcAddress);
    try {
      assert.equal(await greeter.sayHello('World'), 'Hello, World');
      assert.equal(await greeter.sayHelloAgain('World'), 'Hello again, World');
      await assert.rejects(greeter.sayHello(''), { code: status.INVALID_ARGUMENT, details: 'name must not be empty' });
    } finally {
      greeter.close();
    }
  });

  test('server, client and bidirectional streaming', async () => {
    const guide = openRouteGuide(server.grpcAddress);
    try {
      const rectangle = new Rectangle({
        lo: new Point({ latitude: 400_000_000, longitude: -750_000_000 }),
        hi: new Point({ latitude: 420_000_000, longitude: -730_000_000 }),
      });
      const features = await listFeatures(guide, rectangle);
      assert.equal(features.length, 100);
      assert.equal(features[0]!.name, 'Crooked Cove');

      const summary = await recordRoute(guide, [
        new Point({ latitude: 418_472_723, longitude: -743_339_083 }),
        new Point({ latitude: 404_679_944, longitude: -739_830_063 }),
      ]);
      assert.deepEqual([summary.point_count, summary.feature_count], [2, 2]);
      assert.ok(summary.distance > 150_000 && summary.distance < 160_000, `distance ${summary.distance}`);

      const chat = guide.RouteChat({ deadline: deadlineIn() });
      const here = new Point({ latitude: 1, longitude: 2 });
      chat.write(new RouteNote({ location: here, message: 'first' }));
      chat.write(new RouteNote({ location: here, message: 'second' }));
      chat.end();
      const replies = await collect(chat, 10);
      assert.deepEqual(replies.map((note) => note.message), ['first']);
    } finally {
      guide.close();
    }
  });

  test('a rectangle without corners is refused with INVALID_ARGUMENT; grpc-js leaves the ":" percent-encoded', async () => {
    const guide = openRouteGuide(server.grpcAddress);
    try {
      // connect-node encodes grpc-message with encodeURIComponent (":" → %3A, which
      // the gRPC spec allows); grpc-js decodes it with decodeURI, which leaves
      // %3A alone. The lesson's "Going further" has the details.
      await assert.rejects(listFeatures(guide, new Rectangle({ hi: new Point({ latitude: 1, longitude: 1 }) })), {
        code: status.INVALID_ARGUMENT,
        details: 'rectangle.lo is missing%3A a rectangle needs two corners',
      });
    } finally {
      guide.close();
    }
  });
});

test('Python grpcio (chapter 12) calls it over gRPC', { skip: peerSkip() }, async () => {
  const python = await runProcess(PYTHON, [`${CHAPTER_DIR}/python/greeter_client.py`, '--addr', server.grpcAddress]);
  assert.equal(python.code, 0, python.stderr);
  const records = python.stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown);
  assert.deepEqual(records, [
    { method: '/helloworld.Greeter/SayHello', reply: { message: 'Hello, World' } },
    { method: '/helloworld.Greeter/SayHelloAgain', reply: { message: 'Hello again, Ada' } },
    { method: '/helloworld.Greeter/SayHello', reply: { message: 'Hello, Grüße 👋' } },
    { method: '/helloworld.Greeter/SayHello', code: status.INVALID_ARGUMENT, details: 'name must not be empty' },
  ]);
});

test('connect-node speaks gRPC, gRPC-Web and Connect (binary and JSON) on the same port', async () => {
  const results = await greetInEveryProtocol(server.grpcAddress, quiet);
  const expected = { greeting: 'Hello, World', refusal: 'INVALID_ARGUMENT: name must not be empty' };
  assert.deepEqual(results, { gRPC: expected, 'gRPC-Web': expected, 'Connect (binary)': expected, 'Connect (JSON)': expected });
});

describe('plain fetch over HTTP/1.1, as a page sends it', () => {
  test('Connect protocol, JSON: a POST with a JSON body', async () => {
    const response = await fetch(`${server.pageUrl}/helloworld.Greeter/SayHello`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'World' }),
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.deepEqual(await response.json(), { message: 'Hello, World' });
  });

  test('Connect protocol, JSON: an error is an HTTP status and a JSON body with the code', async () => {
    const response = await fetch(`${server.pageUrl}/helloworld.Greeter/SayHello`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '' }),
    });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { code: 'invalid_argument', message: 'name must not be empty' });
  });

  test('gRPC-Web: the trailers come back in the body, as a frame flagged 0x80', async () => {
    // One length-prefixed message: flag 0, length 7, then HelloRequest{name: "World"}.
    const request = Uint8Array.from([0, 0, 0, 0, 7, 0x0a, 0x05, ...Buffer.from('World')]);
    const response = await fetch(`${server.pageUrl}/helloworld.Greeter/SayHello`, {
      method: 'POST',
      headers: { 'content-type': 'application/grpc-web+proto', 'x-grpc-web': '1' },
      body: request,
    });
    assert.equal(response.status, 200);
    const body = Buffer.from(await response.arrayBuffer());
    const reply = Buffer.from([0x0a, 0x0c, ...Buffer.from('Hello, World')]);
    assert.deepEqual(body.subarray(0, 5 + reply.length), Buffer.concat([Buffer.from([0, 0, 0, 0, reply.length]), reply]));
    const trailerFrame = body.subarray(5 + reply.length);
    assert.equal(trailerFrame[0], 0x80, 'the second frame is the trailers');
    assert.equal(trailerFrame.readUInt32BE(1), trailerFrame.length - 5);
    assert.equal(trailerFrame.subarray(5).toString(), 'grpc-status: 0\r\n');
  });

  test('the page and its script are served; anything else is 404', async () => {
    const page = await fetch(`${server.pageUrl}/`);
    assert.match(await page.text(), /<script type="module" src="\/page.js">/);
    const script = await fetch(`${server.pageUrl}/page.js`);
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.match(await script.text(), /function createGrpcWebTransport/);
    assert.equal((await fetch(`${server.pageUrl}/nothing-here`)).status, 404);
  });
});

test('cancelling a ListFeatures stream ends the server generator: it sees the cancel', async () => {
  const slow = await startWebServer({ featureIntervalMs: 20 });
  const transports = nodeTransports(slow.grpcAddress);
  try {
    const guide = createClient(RouteGuide, transports.byProtocol['Connect (binary)']);
    const ended = once(slow.routeGuide.events, 'listFeaturesEnded', { signal: AbortSignal.timeout(10_000) });
    const controller = new AbortController();
    const whole = { lo: { latitude: -900_000_000, longitude: -1_800_000_000 }, hi: { latitude: 900_000_000, longitude: 1_800_000_000 } };
    let received = 0;
    await assert.rejects(async () => {
      for await (const _feature of guide.listFeatures(whole, { signal: controller.signal })) {
        if (++received === 3) controller.abort();
      }
    });
    const [end] = await ended;
    assert.equal(end.cancelled, true);
    assert.equal(end.matching, 100);
    assert.ok(end.sent >= 3 && end.sent < 100, `sent ${end.sent}`);
  } finally {
    transports.close();
    await slow.stop();
  }
});
