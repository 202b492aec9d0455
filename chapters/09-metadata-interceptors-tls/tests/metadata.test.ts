import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { deadlineIn } from '../../shared/client.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { collectStream, describeMetadata, unaryWithMetadata } from '../metadata/metadata-calls.ts';
import { addMetadataServices } from '../metadata-services.ts';

const { HelloRequest } = helloworld;
const TRACE = Buffer.from([0x0a, 0xf7, 0x65, 0x19, 0x16, 0xcd, 0x43, 0xdd]);

let server: RunningServer;
let greeter: helloworld.GreeterClient;
let routes: routeguide.RouteGuideClient;
before(async () => {
  server = await startServer(addMetadataServices);
  greeter = new helloworld.GreeterClient(server.address, credentials.createInsecure());
  routes = new routeguide.RouteGuideClient(server.address, credentials.createInsecure());
});
after(async () => {
  greeter.close();
  routes.close();
  await server.stop();
});

function requestHeaders(): Metadata {
  const metadata = new Metadata();
  metadata.set('x-request-id', 'req-42');
  metadata.set('trace-bin', TRACE);
  return metadata;
}

describe('metadata on a unary call', () => {
  test('request headers are echoed as response headers, binary values byte for byte; trailers come last', async () => {
    const { reply, headers, trailers } = await unaryWithMetadata(greeter.SayHello, new HelloRequest({ name: 'World' }), requestHeaders());
    assert.equal(reply.message, 'Hello, World');
    assert.deepEqual(headers.get('x-request-id'), ['req-42']);
    assert.deepEqual(headers.get('trace-bin'), [TRACE]);
    assert.deepEqual(headers.get('x-authenticated-role'), [], 'no auth interceptor on this server, so no role');
    assert.deepEqual(Object.keys(trailers.getMap()), ['x-server-ms']);
    assert.match(String(trailers.get('x-server-ms')[0]), /^\d+\.\d\d$/);
  });

  test('a refused call carries its trailers on the error', async () => {
    const refused = unaryWithMetadata(greeter.SayHelloAgain, new HelloRequest({ name: '' }), requestHeaders());
    await assert.rejects(refused, (error: ServiceError) => {
      assert.equal(error.code, status.INVALID_ARGUMENT);
      assert.equal(error.details, 'name must not be empty');
      assert.match(String(error.metadata.get('x-server-ms')[0]), /^\d+\.\d\d$/);
      return true;
    });
  });

  test('no request headers: the response headers have none to echo', async () => {
    const { headers } = await unaryWithMetadata(greeter.SayHello, new HelloRequest({ name: 'Ada' }), new Metadata());
    assert.deepEqual(headers.get('x-request-id'), []);
    assert.deepEqual(headers.get('trace-bin'), []);
  });
});

describe('metadata on a server stream', () => {
  test('headers before the messages, a count in the trailers after them', async () => {
    const rectangle = new routeguide.Rectangle({
      lo: new routeguide.Point({ latitude: 1, longitude: 2 }),
      hi: new routeguide.Point({ latitude: 3, longitude: 4 }),
    });
    const order: string[] = [];
    const stream = routes.ListFeatures(rectangle, requestHeaders(), { deadline: deadlineIn() });
    stream.on('metadata', () => order.push('headers'));
    stream.on('data', () => order.push('message'));
    stream.on('status', () => order.push('status'));
    const { reply, headers, trailers } = await collectStream(stream);
    assert.deepEqual(order, ['headers', 'message', 'message', 'status']);
    assert.deepEqual(reply.map((feature) => feature.toObject()), [
      { name: 'lo corner', location: { latitude: 1, longitude: 2 } },
      { name: 'hi corner', location: { latitude: 3, longitude: 4 } },
    ]);
    assert.deepEqual(headers.get('trace-bin'), [TRACE]);
    assert.deepEqual(headers.get('x-request-id'), ['req-42']);
    assert.deepEqual(trailers.get('x-feature-count'), ['2']);
  });

  test('the other RouteGuide methods are not served here', async () => {
    const chat = routes.RouteChat({ deadline: deadlineIn() });
    chat.end();
    await assert.rejects(collectStream(chat), {
      code: status.UNIMPLEMENTED,
      details: 'The server does not implement the method RouteChat',
    });
  });
});

describe('what metadata may hold', () => {
  test('-bin keys take bytes, other keys printable ASCII; keys are lower-cased', () => {
    const metadata = new Metadata();
    assert.throws(() => metadata.set('trace-bin', 'text'), { message: "keys that end with '-bin' must have Buffer values" });
    assert.throws(() => metadata.set('x-trace', TRACE), { message: "keys that don't end with '-bin' must have String values" });
    assert.throws(() => metadata.set('x-name', 'Grüße'), { message: 'Metadata string value "Grüße" contains illegal characters' });
    assert.throws(() => metadata.set('x name', 'v'), { message: 'Metadata key "x name" contains illegal characters' });
    metadata.set('X-Request-Id', 'abc');
    metadata.set('name-bin', Buffer.from('Grüße'));
    assert.equal(describeMetadata(metadata), 'x-request-id: abc, name-bin: <7 bytes 4772c3bcc39f65>');
  });
});
