import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { addDynamicGreeter, DynamicGreeterClient } from '../../02-unary-hello/dynamic-greeter.ts';
import { helloworld } from '../../../generated/static/hello.ts';
import { callUnary, deadlineIn } from '../../shared/client.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { guestbook } from '../guestbook.ts';
import { flakyGreeter, retryingChannel } from '../patterns/retries.ts';
import { clientAccepting16MiB, clientSendingAtMost1MiB, DEFAULT_MAX_RECEIVE, MiB, serverAccepting16MiB } from '../patterns/size-limits.ts';

describe('message size limits', () => {
  let plain: RunningServer;
  let roomy: RunningServer;
  before(async () => {
    [plain, roomy] = await Promise.all([startServer(addDynamicGreeter), startServer(addDynamicGreeter, { serverOptions: serverAccepting16MiB })]);
  });
  after(() => Promise.all([plain.stop(), roomy.stop()]));

  async function greet(server: RunningServer, name: string, options = {}): Promise<string> {
    const client = new DynamicGreeterClient(server.address, credentials.createInsecure(), options);
    try {
      return (await callUnary(client.SayHello.bind(client), { name }, { deadline: deadlineIn(5_000) })).message;
    } finally {
      client.close();
    }
  }

  test('a request over 4 MiB is refused by the server, which names both sizes', async () => {
    await assert.rejects(greet(plain, 'x'.repeat(5 * MiB)), {
      code: status.RESOURCE_EXHAUSTED,
      details: 'Received message larger than max (5242885 vs 4194304)',
    });
  });

  test('a reply over 4 MiB is refused by the client, after the server did the work', async () => {
    await assert.rejects(greet(plain, 'x'.repeat(DEFAULT_MAX_RECEIVE - 10)), {
      code: status.RESOURCE_EXHAUSTED,
      details: 'Received message larger than max (4194306 vs 4194304)',
    });
  });

  test('limits are raised on the side that receives', async () => {
    assert.equal((await greet(plain, 'x'.repeat(DEFAULT_MAX_RECEIVE - 10), clientAccepting16MiB)).length, DEFAULT_MAX_RECEIVE - 10 + 'Hello, '.length);
    assert.equal((await greet(roomy, 'x'.repeat(5 * MiB), clientAccepting16MiB)).length, 5 * MiB + 'Hello, '.length);
  });

  test('a send limit stops a request before it leaves the client', async () => {
    await assert.rejects(greet(plain, 'x'.repeat(2 * MiB), clientSendingAtMost1MiB), {
      code: status.RESOURCE_EXHAUSTED,
      details: 'Attempted to send message with a size larger than 1048576',
    });
  });
});

describe('retries', () => {
  let server: RunningServer;
  let flaky: ReturnType<typeof flakyGreeter>;
  before(async () => {
    flaky = flakyGreeter();
    server = await startServer((s) => s.addService(helloworld.UnimplementedGreeterService.definition, flaky.handlers));
  });
  after(() => server.stop());

  const sayHello = (name: string, options = {}) => {
    const client = new helloworld.GreeterClient(server.address, credentials.createInsecure(), options);
    return callUnary(client.SayHello, new helloworld.HelloRequest({ name })).finally(() => client.close());
  };

  test('without a retry policy, UNAVAILABLE reaches the caller after one attempt', async () => {
    flaky.attempts.clear();
    await assert.rejects(sayHello('busy'), { code: status.UNAVAILABLE, details: 'too busy for attempt 1' });
    assert.equal(flaky.attempts.get('busy'), 1);
  });

  test('with the policy, UNAVAILABLE is retried until an attempt succeeds', async () => {
    flaky.attempts.clear();
    assert.equal((await sayHello('busy', retryingChannel('helloworld.Greeter'))).message, 'Hello, busy, at attempt 3');
    assert.equal(flaky.attempts.get('busy'), 3);
  });

  test('INVALID_ARGUMENT and RESOURCE_EXHAUSTED are not retried', async () => {
    flaky.attempts.clear();
    await assert.rejects(sayHello('', retryingChannel('helloworld.Greeter')), { code: status.INVALID_ARGUMENT, details: 'name must not be empty' });
    await assert.rejects(sayHello('greedy', retryingChannel('helloworld.Greeter')), {
      code: status.RESOURCE_EXHAUSTED,
      details: 'quota of 0 greetings per minute used up',
    });
    assert.deepEqual([...flaky.attempts], [['', 1], ['greedy', 1]]);
  });

  test('a policy for another service changes nothing here', async () => {
    flaky.attempts.clear();
    await assert.rejects(sayHello('busy', retryingChannel('routeguide.RouteGuide')), { code: status.UNAVAILABLE });
    assert.equal(flaky.attempts.get('busy'), 1);
  });
});

test('DEADLINE_EXCEEDED is not "nothing happened": a retry signs the guestbook twice', async () => {
  const book = guestbook(150);
  const server = await startServer((s) => s.addService(helloworld.UnimplementedGreeterService.definition, book.handlers));
  const client = new helloworld.GreeterClient(server.address, credentials.createInsecure());
  try {
    const sign = (deadlineMs: number) => callUnary(client.SayHello, new helloworld.HelloRequest({ name: 'Ada' }), { deadline: deadlineIn(deadlineMs) });
    await assert.rejects(sign(50), (error: ServiceError) => error.code === status.DEADLINE_EXCEEDED);
    assert.deepEqual(book.signatures, ['Ada']);
    assert.equal((await sign(2_000)).message, 'Thank you for signing, Ada');
    assert.deepEqual(book.signatures, ['Ada', 'Ada']);
  } finally {
    client.close();
    await server.stop();
  }
});
