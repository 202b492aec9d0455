import assert from 'node:assert/strict';
import { test } from 'node:test';
import { credentials, Metadata, status, type ServerInterceptor } from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { callUnary, deadlineIn } from '../../shared/client.ts';
import { startServer } from '../../shared/server.ts';
import { authInterceptor } from '../interceptors/auth-interceptor.ts';
import { callLogInterceptor } from '../interceptors/call-log-interceptor.ts';
import { requestIdInterceptor, timingInterceptor } from '../interceptors/client-interceptors.ts';
import { DEMO_TOKENS, demoTokenTable } from '../interceptors/tokens.ts';

const { GreeterClient, HelloReply, HelloRequest, UnimplementedGreeterService } = helloworld;

/** A Greeter behind `interceptors` whose handler logs "handler" to `events`. */
function greeterBehind(interceptors: ServerInterceptor[], events: string[]) {
  const handler = (call: { request: helloworld.HelloRequest }, callback: (error: null, reply: helloworld.HelloReply) => void) => {
    events.push('handler');
    callback(null, new HelloReply({ message: `Hello, ${call.request.name}` }));
  };
  return startServer((s) => s.addService(UnimplementedGreeterService.definition, { SayHello: handler, SayHelloAgain: handler } satisfies helloworld.UnimplementedGreeterService), {
    serverOptions: { interceptors },
  });
}

function withToken(token: string, requestId: string): Metadata {
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  metadata.set('x-request-id', requestId);
  return metadata;
}

const sayHello = (client: helloworld.GreeterClient, metadata: Metadata) =>
  new Promise<void>((resolve, reject) => {
    client.SayHello(new HelloRequest({ name: 'World' }), metadata, { deadline: deadlineIn() }, (error) => (error ? reject(error) : resolve()));
  });

test('server interceptors: the first listed sees the call first and its status last', async () => {
  const events: string[] = [];
  const log = (line: string) => events.push(line);
  const server = await greeterBehind([callLogInterceptor(log, 'outer'), authInterceptor(demoTokenTable), callLogInterceptor(log, 'inner')], events);
  const client = new GreeterClient(server.address, credentials.createInsecure());
  try {
    await sayHello(client, withToken(DEMO_TOKENS.reader, 'r-1'));
    assert.deepEqual(events, [
      'outer ▸ /helloworld.Greeter/SayHello (request id r-1)',
      'inner ▸ /helloworld.Greeter/SayHello (request id r-1)',
      'handler',
      'inner ◂ OK',
      'outer ◂ OK',
    ]);

    events.length = 0;
    await assert.rejects(sayHello(client, withToken('wrong', 'r-2')), { code: status.UNAUTHENTICATED, details: 'invalid bearer token' });
    // auth answered: nothing inside it (the inner log, the handler) ever saw the call.
    assert.deepEqual(events, ['outer ▸ /helloworld.Greeter/SayHello (request id r-2)', 'outer ◂ UNAUTHENTICATED: invalid bearer token']);
  } finally {
    client.close();
    await server.stop();
  }
});

test('client interceptors: the request id interceptor must come before the one that logs it', async () => {
  const events: string[] = [];
  const server = await greeterBehind([callLogInterceptor((line) => events.push(line))], events);
  const ids = ['id-1', 'id-2', 'id-3'];
  const nextId = () => ids.shift() ?? 'no more ids';
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const idThenTiming = new GreeterClient(server.address, credentials.createInsecure(), { interceptors: [requestIdInterceptor(nextId), timingInterceptor(log)] });
  const timingThenId = new GreeterClient(server.address, credentials.createInsecure(), { interceptors: [timingInterceptor(log), requestIdInterceptor(nextId)] });
  try {
    await callUnary(idThenTiming.SayHello, new HelloRequest({ name: 'World' }));
    await callUnary(timingThenId.SayHello, new HelloRequest({ name: 'World' }));
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^client \/helloworld\.Greeter\/SayHello → OK in \d+\.\d ms \(request id id-1\)$/);
    // Listed first, the timing interceptor ran before any id existed; the server still got one.
    assert.match(lines[1], /^client \/helloworld\.Greeter\/SayHello → OK in \d+\.\d ms \(request id none\)$/);
    assert.deepEqual(events.filter((line) => line.includes('▸')), [
      'server ▸ /helloworld.Greeter/SayHello (request id id-1)',
      'server ▸ /helloworld.Greeter/SayHello (request id id-2)',
    ]);
  } finally {
    idThenTiming.close();
    timingThenId.close();
    await server.stop();
  }
});

test('the request id interceptor keeps an id the caller set, and gives each call its own', async () => {
  const events: string[] = [];
  const server = await greeterBehind([callLogInterceptor((line) => events.push(line))], events);
  let made = 0;
  const client = new GreeterClient(server.address, credentials.createInsecure(), { interceptors: [requestIdInterceptor(() => `made-${++made}`)] });
  try {
    const shared = new Metadata();
    await sayHello(client, shared);
    await sayHello(client, shared); // the same Metadata object twice
    assert.deepEqual(shared.get('x-request-id'), [], "the caller's Metadata is left as it was");
    const mine = new Metadata();
    mine.set('x-request-id', 'chosen-by-caller');
    await sayHello(client, mine);
    assert.deepEqual(events.filter((line) => line.includes('▸')), [
      'server ▸ /helloworld.Greeter/SayHello (request id made-1)',
      'server ▸ /helloworld.Greeter/SayHello (request id made-2)',
      'server ▸ /helloworld.Greeter/SayHello (request id chosen-by-caller)',
    ]);
  } finally {
    client.close();
    await server.stop();
  }
});

test('the timing interceptor logs failures too, with their status', async () => {
  const server = await greeterBehind([authInterceptor(demoTokenTable)], []);
  const lines: string[] = [];
  const client = new GreeterClient(server.address, credentials.createInsecure(), {
    interceptors: [requestIdInterceptor(() => 'r-9'), timingInterceptor((line) => lines.push(line))],
  });
  try {
    await assert.rejects(callUnary(client.SayHello, new HelloRequest({ name: 'World' })), { code: status.UNAUTHENTICATED });
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^client \/helloworld\.Greeter\/SayHello → UNAUTHENTICATED in \d+\.\d ms \(request id r-9\)$/);
  } finally {
    client.close();
    await server.stop();
  }
});
