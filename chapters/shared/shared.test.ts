import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { credentials, status } from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';
import { routeguide } from '../../generated/static/route_guide.ts';
import { parseAddress, parseAddressList, parseClientAddressesArgs, parsePort, UsageError } from './cli.ts';
import { callUnary, deadlineIn, describeError, withoutEmptyResolutionNote } from './client.ts';
import { median } from './measure.ts';
import { seededRandom } from './seeded-random.ts';
import { clientStreamingHandler, unaryHandler } from './handlers.ts';
import { RpcError } from './rpc-error.ts';
import { startServer } from './server.ts';

const { GreeterClient, HelloReply, HelloRequest, UnimplementedGreeterService } = helloworld;

/** A Greeter whose SayHello is `answer` and whose SayHelloAgain is unused. */
function greeterWith(answer: (name: string) => string | Promise<string>) {
  const handler = unaryHandler(async (request: helloworld.HelloRequest) => new HelloReply({ message: await answer(request.name) }));
  return startServer((server) =>
    server.addService(UnimplementedGreeterService.definition, { SayHello: handler, SayHelloAgain: handler }),
  );
}

describe('command line', () => {
  test('ports are whole numbers from 0 to 65535', () => {
    assert.equal(parsePort('0'), 0);
    assert.equal(parsePort('50051'), 50051);
    assert.equal(parsePort('65535'), 65535);
    for (const bad of ['65536', '-1', '80.5', '', 'http', '1e3']) {
      assert.throws(() => parsePort(bad), (error: unknown) => error instanceof UsageError && error.message.includes(`"${bad}"`));
    }
  });

  test('addresses are host:port', () => {
    for (const good of ['localhost:50051', '127.0.0.1:9', '[::1]:50051', 'grpc.example.com:443']) {
      assert.equal(parseAddress(good), good);
    }
    for (const bad of ['localhost', ':50051', 'localhost:99999', 'a b:1', '::1:50051']) {
      assert.throws(() => parseAddress(bad), UsageError, bad);
    }
  });

  test('a client of several servers takes --addr again and again, or a comma-separated list', () => {
    const usage = 'usage';
    const defaults = ['localhost:50051', 'localhost:50052'];
    assert.deepEqual(parseClientAddressesArgs(usage, defaults, []).addresses, defaults);
    assert.deepEqual(parseClientAddressesArgs(usage, defaults, ['--addr', '127.0.0.1:1', '--addr=[::1]:2']).addresses, ['127.0.0.1:1', '[::1]:2']);
    assert.deepEqual(parseClientAddressesArgs(usage, defaults, ['--addr', 'a:1,b:2', '--addr', 'c:3']).addresses, ['a:1', 'b:2', 'c:3']);
    assert.deepEqual(parseAddressList(['a:1,b:2']), ['a:1', 'b:2']);
    assert.throws(() => parseAddressList([]), /give at least one --addr host:port/);
    assert.throws(() => parseAddressList(['a:1,']), /got ""/);
    assert.throws(() => parseAddressList(['a:1,b']), /got "b"/);
  });
});

describe('handlers', () => {
  test('an RpcError reaches the client with its code and message', async () => {
    const server = await greeterWith((name) => {
      throw new RpcError(status.FAILED_PRECONDITION, `cannot greet ${name} yet`);
    });
    const client = new GreeterClient(server.address, credentials.createInsecure());
    try {
      await assert.rejects(callUnary(client.SayHello, new HelloRequest({ name: 'Ada' })), {
        code: status.FAILED_PRECONDITION,
        details: 'cannot greet Ada yet',
      });
    } finally {
      client.close();
      await server.stop();
    }
  });

  test('any other exception is INTERNAL without internals, logged on the server, and the server lives on', async (t) => {
    const logged = t.mock.method(console, 'error', () => {});
    const server = await greeterWith((name) => {
      if (name === 'boom') throw new TypeError('secret internal detail');
      return `Hello, ${name}`;
    });
    const client = new GreeterClient(server.address, credentials.createInsecure());
    try {
      await assert.rejects(callUnary(client.SayHello, new HelloRequest({ name: 'boom' })), (error: unknown) => {
        assert.equal(describeError(error), 'INTERNAL (13): internal error');
        return true;
      });
      assert.equal(logged.mock.callCount(), 1);
      assert.match(String(logged.mock.calls[0]?.arguments[1]), /secret internal detail/);
      assert.equal((await callUnary(client.SayHello, new HelloRequest({ name: 'Ada' }))).message, 'Hello, Ada');
    } finally {
      client.close();
      await server.stop();
    }
  });
});

describe('client-streaming handlers', () => {
  // RecordRoute counts the points it is sent, and refuses a point at latitude 0.
  const recordRoute = clientStreamingHandler(async (call) => {
    let points = 0;
    for await (const point of call as AsyncIterable<routeguide.Point>) {
      if (point.latitude === 0) throw new RpcError(status.INVALID_ARGUMENT, `point ${points} has latitude 0`);
      points++;
    }
    return new routeguide.RouteSummary({ point_count: points });
  });

  function sendPoints(client: routeguide.RouteGuideClient, latitudes: number[]): Promise<routeguide.RouteSummary> {
    return new Promise((resolve, reject) => {
      const call = client.RecordRoute({ deadline: deadlineIn() }, (error, summary) => (error ? reject(error) : resolve(summary!)));
      for (const latitude of latitudes) call.write(new routeguide.Point({ latitude, longitude: 1 }));
      call.end();
    });
  }

  test('the reply after the last request, or the status of what the handler threw', async () => {
    const server = await startServer((s) => s.addService(routeguide.UnimplementedRouteGuideService.definition, { RecordRoute: recordRoute }));
    const client = new routeguide.RouteGuideClient(server.address, credentials.createInsecure());
    try {
      assert.equal((await sendPoints(client, [1, 2, 3])).point_count, 3);
      assert.equal((await sendPoints(client, [])).point_count, 0);
      await assert.rejects(sendPoints(client, [1, 2, 0, 4]), { code: status.INVALID_ARGUMENT, details: 'point 2 has latitude 0' });
    } finally {
      client.close();
      await server.stop();
    }
  });
});

describe('error messages', () => {
  test('UNAVAILABLE from a server that is gone names the refusal and ends there', async () => {
    const server = await greeterWith((name) => name);
    await server.stop();
    const client = new GreeterClient(server.address, credentials.createInsecure());
    try {
      const error = await callUnary(client.SayHello, new HelloRequest({ name: 'Ada' })).then(
        () => assert.fail('no server, yet an answer'),
        (failure: unknown) => failure,
      );
      assert.match(describeError(error), new RegExp(`^UNAVAILABLE \\(14\\): No connection established\\. Last error: .*ECONNREFUSED ${server.address}$`));
    } finally {
      client.close();
    }
  });

  test('a resolution note with something in it is kept', () => {
    assert.equal(withoutEmptyResolutionNote('Last error: x. Resolution note: '), 'Last error: x');
    assert.equal(withoutEmptyResolutionNote('Last error: x. Resolution note: DNS said no'), 'Last error: x. Resolution note: DNS said no');
  });
});

describe('server lifecycle', () => {
  test('port 0 gets a real port on loopback', async () => {
    const server = await greeterWith((name) => name);
    try {
      assert.match(server.address, /^127\.0\.0\.1:\d+$/);
      assert.ok(server.port > 0);
    } finally {
      await server.stop();
    }
  });

  test('stop() lets an in-flight call finish within the grace period', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let started: () => void = () => {};
    const callStarted = new Promise<void>((resolve) => (started = resolve));
    const server = await greeterWith(async (name) => {
      started();
      await released;
      return `Hello, ${name}`;
    });
    const client = new GreeterClient(server.address, credentials.createInsecure());
    try {
      const reply = callUnary(client.SayHello, new HelloRequest({ name: 'Ada' }));
      await callStarted;
      const stopped = server.stop(5_000);
      assert.equal(server.stop(), stopped, 'stop() twice is the same stop');
      release();
      assert.equal((await reply).message, 'Hello, Ada');
      await stopped;
    } finally {
      client.close();
    }
  });

  test('stop() cancels calls still running when the grace period ends', async () => {
    let started: () => void = () => {};
    const callStarted = new Promise<void>((resolve) => (started = resolve));
    const server = await greeterWith(() => {
      started();
      return new Promise<string>(() => {}); // never answers
    });
    const client = new GreeterClient(server.address, credentials.createInsecure());
    try {
      const reply = callUnary(client.SayHello, new HelloRequest({ name: 'Ada' }), { deadline: new Date(Date.now() + 10_000) });
      await callStarted;
      const before = Date.now();
      await server.stop(50);
      assert.ok(Date.now() - before < 2_000);
      await assert.rejects(reply, { code: status.CANCELLED });
    } finally {
      client.close();
    }
  });
});

describe('seeded random numbers', () => {
  test('the same seed gives the same sequence, in [0, 1)', () => {
    const draw = (seed: number) => Array.from({ length: 1000 }, seededRandom(seed));
    const first = draw(7);
    assert.deepEqual(draw(7), first);
    assert.notDeepEqual(draw(8), first);
    assert.ok(first.every((x) => x >= 0 && x < 1));
    assert.equal(new Set(first).size, 1000);
  });
});

describe('medians', () => {
  test('the middle value, the upper middle for an even count, whatever the order', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 3);
    assert.equal(median([7]), 7);
  });
});
