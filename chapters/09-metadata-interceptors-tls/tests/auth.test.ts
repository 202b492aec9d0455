import assert from 'node:assert/strict';
import { timingSafeEqual } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { credentials, Metadata, status, type handleUnaryCall } from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { callUnary, deadlineIn } from '../../shared/client.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { authInterceptor, authorize } from '../interceptors/auth-interceptor.ts';
import { DEMO_TOKENS, demoTokenTable, TokenTable } from '../interceptors/tokens.ts';

const { GreeterClient, HelloReply, HelloRequest, UnimplementedGreeterService } = helloworld;
const SAY_HELLO = '/helloworld.Greeter/SayHello';
const SAY_HELLO_AGAIN = '/helloworld.Greeter/SayHelloAgain';
const { reader, admin } = DEMO_TOKENS;

/** Every way to get a token wrong, all to be answered alike. */
const WRONG_TOKENS = {
  'last character changed': `${reader.slice(0, -1)}X`,
  'first character changed': `X${reader.slice(1)}`,
  prefix: reader.slice(0, 6),
  'one character short': reader.slice(0, -1),
  'longer, same start': `${reader}0`,
  'much longer': reader.repeat(50),
  'two tokens run together': reader + admin,
  unrelated: 'x',
};

const bearer = (token: string) => {
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
};

describe('the token table', () => {
  test('knows the demo tokens, and nothing else', () => {
    assert.equal(demoTokenTable.roleOf(reader), 'reader');
    assert.equal(demoTokenTable.roleOf(admin), 'admin');
    assert.equal(demoTokenTable.roleOf(''), undefined);
    assert.equal(demoTokenTable.roleOf('jeton-été'), undefined); // metadata cannot carry it, but the table copes
    for (const [kind, token] of Object.entries(WRONG_TOKENS)) assert.equal(demoTokenTable.roleOf(token), undefined, kind);
  });

  test('compares 32-byte digests only, every entry every time, with timingSafeEqual', () => {
    const compared: [number, number][] = [];
    const table = new TokenTable(DEMO_TOKENS, (a, b) => {
      compared.push([a.length, b.length]);
      return timingSafeEqual(a, b);
    });
    for (const token of [reader, admin, '', 'jeton-été', ...Object.values(WRONG_TOKENS)]) {
      compared.length = 0;
      table.roleOf(token);
      // No early return on a match and none on a mismatch: the work does not depend on the guess.
      assert.deepEqual(compared, [[32, 32], [32, 32]], JSON.stringify(token));
    }
  });
});

describe('authorize(): the decision', () => {
  const decide = (metadata: Metadata, path = SAY_HELLO) => authorize(metadata, path, demoTokenTable);

  test('no authorization metadata: UNAUTHENTICATED', () => {
    assert.deepEqual(decide(new Metadata()), {
      allowed: false,
      code: status.UNAUTHENTICATED,
      details: 'missing "authorization: Bearer <token>" metadata',
    });
  });

  test('not a bearer token, or two of them: UNAUTHENTICATED, without echoing the value', () => {
    for (const value of ['Basic dXNlcjpwYXNz', `Bearer`, `Bearer ${reader} extra`, reader, `Bearer  ${reader}`]) {
      const metadata = new Metadata();
      metadata.set('authorization', value);
      assert.deepEqual(decide(metadata), {
        allowed: false,
        code: status.UNAUTHENTICATED,
        details: 'authorization metadata must be "Bearer <token>"',
      }, value);
    }
    const twice = bearer(reader);
    twice.add('authorization', `Bearer ${admin}`);
    assert.deepEqual(decide(twice), { allowed: false, code: status.UNAUTHENTICATED, details: 'expected one authorization value, got 2' });
  });

  test('every wrong token gets the same answer, which never contains the token', () => {
    for (const [kind, token] of Object.entries(WRONG_TOKENS)) {
      assert.deepEqual(decide(bearer(token)), { allowed: false, code: status.UNAUTHENTICATED, details: 'invalid bearer token' }, kind);
    }
  });

  test('a valid token for the wrong role: PERMISSION_DENIED naming the role and the method', () => {
    assert.deepEqual(decide(bearer(reader), SAY_HELLO_AGAIN), {
      allowed: false,
      code: status.PERMISSION_DENIED,
      details: 'role "reader" may not call /helloworld.Greeter/SayHelloAgain (only admin may)',
    });
    assert.deepEqual(decide(bearer(admin), '/routeguide.RouteGuide/RouteChat'), {
      allowed: false,
      code: status.PERMISSION_DENIED,
      details: 'role "admin" may not call /routeguide.RouteGuide/RouteChat (no role may)',
    });
  });

  test('the right role: allowed, whatever the case of "Bearer"', () => {
    assert.deepEqual(decide(bearer(reader)), { allowed: true, role: 'reader' });
    assert.deepEqual(decide(bearer(admin), SAY_HELLO_AGAIN), { allowed: true, role: 'admin' });
    const lower = new Metadata();
    lower.set('authorization', `bearer ${admin}`);
    assert.deepEqual(decide(lower), { allowed: true, role: 'admin' });
  });
});

describe('the auth interceptor on a server', () => {
  let server: RunningServer;
  let client: helloworld.GreeterClient;
  const handled: Metadata[] = [];
  before(async () => {
    // A handler that records what it was given, so the test sees whether it ran.
    const handler: handleUnaryCall<helloworld.HelloRequest, helloworld.HelloReply> = (call, callback) => {
      handled.push(call.metadata);
      callback(null, new HelloReply({ message: `Hello, ${call.request.name}` }));
    };
    server = await startServer(
      (s) => s.addService(UnimplementedGreeterService.definition, { SayHello: handler, SayHelloAgain: handler } satisfies helloworld.UnimplementedGreeterService),
      { serverOptions: { interceptors: [authInterceptor(demoTokenTable)] } },
    );
    // Plaintext, and the header set by hand: this test is about the interceptor, not the transport.
    client = new GreeterClient(server.address, credentials.createInsecure());
  });
  after(async () => {
    client.close();
    await server.stop();
  });

  const sayHello = (metadata: Metadata, method: 'SayHello' | 'SayHelloAgain' = 'SayHello') =>
    new Promise<string>((resolve, reject) => {
      client[method](new HelloRequest({ name: 'World' }), metadata, { deadline: deadlineIn() }, (error, reply) =>
        error ? reject(error) : resolve(reply?.message ?? ''),
      );
    });

  test('refused calls never reach the handler', async () => {
    handled.length = 0;
    await assert.rejects(callUnary(client.SayHello, new HelloRequest({ name: 'World' })), {
      code: status.UNAUTHENTICATED,
      details: 'missing "authorization: Bearer <token>" metadata',
    });
    for (const token of Object.values(WRONG_TOKENS)) {
      await assert.rejects(sayHello(bearer(token)), { code: status.UNAUTHENTICATED, details: 'invalid bearer token' });
    }
    await assert.rejects(sayHello(bearer(reader), 'SayHelloAgain'), {
      code: status.PERMISSION_DENIED,
      details: 'role "reader" may not call /helloworld.Greeter/SayHelloAgain (only admin may)',
    });
    assert.equal(handled.length, 0);
  });

  test('the handler gets the role, never the token, and cannot be told a role by the client', async () => {
    handled.length = 0;
    const metadata = bearer(reader);
    metadata.set('x-authenticated-role', 'admin');
    assert.equal(await sayHello(metadata), 'Hello, World');
    assert.equal(await sayHello(bearer(admin), 'SayHelloAgain'), 'Hello, World');
    assert.equal(handled.length, 2);
    assert.deepEqual(handled.map((m) => m.get('x-authenticated-role')), [['reader'], ['admin']]);
    assert.deepEqual(handled.map((m) => m.get('authorization')), [[], []]);
  });
});
