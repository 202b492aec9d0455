import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { credentials, status, type ServerErrorResponse, type ServiceError } from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { callUnary, deadlineIn } from '../../shared/client.ts';
import { fieldViolationsOf, richStatusOf, STATUS_DETAILS_TRAILER } from '../../shared/rich-error.ts';
import { MAX_DETAILS_LENGTH, RpcError } from '../../shared/rpc-error.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { collect } from '../../shared/streams.ts';
import { pacedRouteGuide } from '../paced-route-guide.ts';
import { BAD_RECTANGLE } from '../tour/violation-steps.ts';

describe('field violations from the paced RouteGuide', () => {
  let server: RunningServer;
  let client: routeguide.RouteGuideClient;
  before(async () => {
    const guide = pacedRouteGuide({ lookupMs: 1, stepMs: 1, maxFeatures: 2 });
    server = await startServer((s) => s.addService(routeguide.UnimplementedRouteGuideService.definition, guide.handlers));
    client = new routeguide.RouteGuideClient(server.address, credentials.createInsecure());
  });
  after(async () => {
    client.close();
    await server.stop();
  });

  test('a rectangle wrong in three ways: INVALID_ARGUMENT, and all three in a BadRequest', async () => {
    await assert.rejects(collect(client.ListFeatures(BAD_RECTANGLE, { deadline: deadlineIn() }), 10), (error: ServiceError) => {
      assert.equal(error.code, status.INVALID_ARGUMENT);
      assert.equal(
        error.details,
        'lo.latitude: must be within ±900000000 (±90° in E7), got 950000000; ' +
          'lo.longitude: must be within ±1800000000 (±180° in E7), got -1900000000; ' +
          'hi: is missing: a rectangle needs two corners',
      );
      assert.deepEqual(fieldViolationsOf(error), [
        { field: 'lo.latitude', description: 'must be within ±900000000 (±90° in E7), got 950000000' },
        { field: 'lo.longitude', description: 'must be within ±1800000000 (±180° in E7), got -1900000000' },
        { field: 'hi', description: 'is missing: a rectangle needs two corners' },
      ]);
      assert.equal(error.metadata.get(STATUS_DETAILS_TRAILER)[0]?.length, 446);
      return true;
    });
  });

  test('a point past the pole: one violation, on the request\'s own field', async () => {
    const point = new routeguide.Point({ latitude: -900000001, longitude: 0 });
    await assert.rejects(callUnary(client.GetFeature, point), (error: ServiceError) => {
      assert.equal(error.details, 'latitude: must be within ±900000000 (±90° in E7), got -900000001');
      assert.deepEqual(fieldViolationsOf(error), [{ field: 'latitude', description: 'must be within ±900000000 (±90° in E7), got -900000001' }]);
      return true;
    });
  });

  test('the edges of the Earth are fine', async () => {
    const corner = { latitude: -900000000, longitude: 1800000000 };
    const features = await collect(client.ListFeatures(routeguide.Rectangle.fromObject({ lo: corner, hi: corner }), { deadline: deadlineIn() }), 10);
    assert.equal(features.length, 2);
  });
});

describe('a status message is a trailer', () => {
  const huge = 'x'.repeat(100_000);
  async function greeterThatRefuses(refusal: ServerErrorResponse) {
    const handlers: helloworld.UnimplementedGreeterService = {
      SayHello: (_call, callback) => callback(refusal),
      SayHelloAgain: (_call, callback) => callback(null, new helloworld.HelloReply({ message: 'still here' })),
    };
    const server = await startServer((s) => s.addService(helloworld.UnimplementedGreeterService.definition, handlers));
    const client = new helloworld.GreeterClient(server.address, credentials.createInsecure());
    return { client, async stop() { client.close(); await server.stop(0); } };
  }

  test('100,000 characters of grpc-message never arrive: the client waits out its deadline', async () => {
    // A plain status object: nothing cuts its message.
    const greeter = await greeterThatRefuses({ name: 'Error', message: 'refused', code: status.INVALID_ARGUMENT, details: `got "${huge}"` });
    try {
      await assert.rejects(callUnary(greeter.client.SayHello, new helloworld.HelloRequest(), { deadline: deadlineIn(300) }), {
        code: status.DEADLINE_EXCEEDED,
      });
    } finally {
      await greeter.stop();
    }
  });

  test('an RpcError cuts its message, so the status arrives', async () => {
    const greeter = await greeterThatRefuses(new RpcError(status.INVALID_ARGUMENT, `got "${huge}"`));
    try {
      await assert.rejects(callUnary(greeter.client.SayHello, new helloworld.HelloRequest(), { deadline: deadlineIn(2_000) }), (error: ServiceError) => {
        assert.equal(error.code, status.INVALID_ARGUMENT);
        assert.equal(error.details, `got "${'x'.repeat(MAX_DETAILS_LENGTH - 5)}… (${100_006 - MAX_DETAILS_LENGTH} more characters)`);
        assert.equal(richStatusOf(error), undefined);
        return true;
      });
      assert.equal((await callUnary(greeter.client.SayHelloAgain, new helloworld.HelloRequest())).message, 'still here');
    } finally {
      await greeter.stop();
    }
  });
});
