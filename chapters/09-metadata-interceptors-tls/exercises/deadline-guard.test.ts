import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { credentials, status, type handleUnaryCall } from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { importExercise } from '../../shared/exercise.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';

const { deadlineGuard } = await importExercise<typeof import('./deadline-guard.ts')>(import.meta.url, 'deadline-guard.ts');
const { GreeterClient, HelloReply, HelloRequest, UnimplementedGreeterService } = helloworld;

let server: RunningServer;
let client: helloworld.GreeterClient;
let handled = 0;
before(async () => {
  const handler: handleUnaryCall<helloworld.HelloRequest, helloworld.HelloReply> = (call, callback) => {
    handled++;
    callback(null, new HelloReply({ message: `Hello, ${call.request.name}` }));
  };
  server = await startServer((s) => s.addService(UnimplementedGreeterService.definition, { SayHello: handler, SayHelloAgain: handler }), {
    serverOptions: { interceptors: [deadlineGuard(5_000)] },
  });
  client = new GreeterClient(server.address, credentials.createInsecure());
});
after(async () => {
  client.close();
  await server.stop();
});

/** SayHello with `deadline` (none at all if undefined): the greeting, or the error. */
const sayHello = (deadline?: Date) =>
  new Promise<string>((resolve, reject) => {
    client.SayHello(new HelloRequest({ name: 'World' }), deadline ? { deadline } : {}, (error, reply) =>
      error ? reject(error) : resolve(reply?.message ?? ''),
    );
  });
const inMs = (ms: number) => new Date(Date.now() + ms);

test('a call with a deadline within the limit reaches the handler', async () => {
  const before = handled;
  assert.equal(await sayHello(inMs(2_000)), 'Hello, World');
  assert.equal(await sayHello(inMs(4_500)), 'Hello, World');
  assert.equal(handled - before, 2);
});

test('a call with no deadline is refused before the handler runs', async () => {
  const before = handled;
  await assert.rejects(sayHello(), {
    code: status.INVALID_ARGUMENT,
    details: 'calls to /helloworld.Greeter/SayHello must carry a deadline',
  });
  assert.equal(handled, before);
});

test('a deadline beyond the limit is refused, naming both in seconds', async () => {
  const before = handled;
  await assert.rejects(sayHello(inMs(60_000)), {
    code: status.INVALID_ARGUMENT,
    details: 'the deadline of /helloworld.Greeter/SayHello is 60 s away; the limit is 5 s',
  });
  await assert.rejects(sayHello(inMs(3_600_000)), {
    code: status.INVALID_ARGUMENT,
    details: 'the deadline of /helloworld.Greeter/SayHello is 3600 s away; the limit is 5 s',
  });
  assert.equal(handled, before);
});
