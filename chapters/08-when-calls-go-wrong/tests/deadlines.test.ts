import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { callUnary, connected, deadlineIn } from '../../shared/client.ts';
import { startServer } from '../../shared/server.ts';
import { signalOf } from '../patterns/call-signal.ts';
import { BACKEND_WORK_MS, startChapterServers, type ChapterServers } from '../chapter-servers.ts';
import { frontClients, nextStop, type FrontClients } from '../clients.ts';
import { relayHandlers } from '../relay.ts';

const point = new routeguide.Point({ latitude: 409146138, longitude: -746188906 });
const world = new helloworld.HelloRequest({ name: 'World' });
const deadlineExceeded = (error: ServiceError) => {
  assert.equal(error.code, status.DEADLINE_EXCEEDED);
  assert.match(error.details, /^Deadline exceeded after \d+\.\d+s/);
  return true;
};

describe('deadlines', () => {
  let servers: ChapterServers;
  let clients: FrontClients;
  const guideStopped = () => nextStop(servers.guide.events);
  const backendStopped = () => nextStop(servers.backend.slow.events);
  before(async () => {
    servers = await startChapterServers();
    clients = frontClients(servers.front.address);
    // Connected first: the 100 ms deadlines below must time the work, not the handshake.
    await Promise.all([connected(clients.guide), connected(clients.greeter)]);
  });
  after(async () => {
    clients.close();
    await servers.stop();
  });

  test('a lookup slower than the deadline: DEADLINE_EXCEEDED, and the server stops looking', async () => {
    const stopped = guideStopped();
    await assert.rejects(callUnary(clients.guide.GetFeature, point, { deadline: deadlineIn(100) }), deadlineExceeded);
    const log = await stopped;
    assert.equal(log.ending, 'cancelled');
    assert.equal(log.sent, 0);
    assert.equal(log.workAfterCancel, 0);
  });

  test('with time enough, the same lookup answers', async () => {
    const feature = await callUnary(clients.guide.GetFeature, point, { deadline: deadlineIn(2_000) });
    assert.deepEqual(feature.toObject(), { name: 'the place at 409146138, -746188906', location: point.toObject() });
  });

  test('with its call as the parent, the back-end call gets the client\'s deadline and is cancelled with it', async () => {
    const stopped = backendStopped();
    await assert.rejects(callUnary(clients.greeter.SayHello, world, { deadline: deadlineIn(100) }), deadlineExceeded);
    const log = await stopped;
    assert.ok(log.deadlineMs <= 100, `the back end's deadline was ${log.deadlineMs} ms away`);
    assert.equal(log.ending, 'cancelled', `the back end stopped after ${log.elapsedMs} ms, before its ${BACKEND_WORK_MS} ms of work`);
  });

  test('without a parent, the back end has its own 2 s deadline and works on for nobody', async () => {
    const stopped = backendStopped();
    await assert.rejects(callUnary(clients.greeter.SayHelloAgain, world, { deadline: deadlineIn(100) }), deadlineExceeded);
    const log = await stopped;
    assert.ok(log.deadlineMs > 1_000, `the back end's deadline was ${log.deadlineMs} ms away`);
    assert.equal(log.ending, 'finished');
    assert.ok(log.elapsedMs >= BACKEND_WORK_MS - 5);
  });

  test('with time enough, the relay answers with the back end\'s greeting', async () => {
    assert.equal((await callUnary(clients.greeter.SayHello, world, { deadline: deadlineIn(2_000) })).message, 'Hello, World, by way of the front');
    assert.equal((await callUnary(clients.greeter.SayHelloAgain, world, { deadline: deadlineIn(2_000) })).message, 'Hello, World, by way of the front');
  });
});

test('a back end that is down: the relay passes UNAVAILABLE on, saying where it came from', async () => {
  const gone = await startServer(() => {});
  await gone.stop();
  const backend = new helloworld.GreeterClient(gone.address, credentials.createInsecure());
  const front = await startServer((server) => server.addService(helloworld.UnimplementedGreeterService.definition, relayHandlers(backend)));
  const client = new helloworld.GreeterClient(front.address, credentials.createInsecure());
  try {
    await assert.rejects(callUnary(client.SayHello, world), (error: ServiceError) => {
      assert.equal(error.code, status.UNAVAILABLE);
      assert.match(error.details, /^back end: No connection established\. Last error: .*ECONNREFUSED/);
      return true;
    });
  } finally {
    client.close();
    backend.close();
    await front.stop();
  }
});

describe('signalOf', () => {
  // What grpc-js does to a server call when its client gives up.
  const fakeCall = (cancelled: boolean) => Object.assign(new EventEmitter(), { cancelled });

  test('aborts when the call is cancelled', () => {
    const call = fakeCall(false);
    const signal = signalOf(call);
    assert.equal(signal.aborted, false);
    call.cancelled = true;
    call.emit('cancelled');
    assert.equal(signal.aborted, true);
  });

  test('is aborted already for a call cancelled before it was asked', () => {
    assert.equal(signalOf(fakeCall(true)).aborted, true);
  });
});
