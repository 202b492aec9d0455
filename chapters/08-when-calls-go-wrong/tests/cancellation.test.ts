import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { deadlineIn } from '../../shared/client.ts';
import { collect } from '../../shared/streams.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { showCancellations } from '../tour/cancel-steps.ts';
import { frontClients, nextStop } from '../clients.ts';
import { pacedRouteGuide, type CallLog, type PacedRouteGuide } from '../paced-route-guide.ts';
import { Transcript } from '../../shared/transcript.ts';

const STEP_MS = 20;
const RECTANGLE = routeguide.Rectangle.fromObject({ lo: { latitude: 1, longitude: 1 }, hi: { latitude: 5, longitude: 9 } });
const cancelledOnClient = (error: ServiceError) => {
  assert.equal(error.code, status.CANCELLED);
  assert.equal(error.details, 'Cancelled on client');
  return true;
};

/**
 * The server's log of a cancelled call, once it has stopped: 'cancelled', no
 * work after the cancel, and `count` still the same a few steps later.
 */
async function stoppedForGood(stopped: Promise<CallLog>, count: (log: CallLog) => number, what: string): Promise<CallLog> {
  const log = await stopped;
  assert.equal(log.ending, 'cancelled');
  const atCancel = count(log);
  await sleep(STEP_MS * 4);
  assert.equal(count(log), atCancel, `no ${what} after the cancel`);
  assert.equal(log.workAfterCancel, 0);
  return log;
}

describe('cancelling each streaming shape', () => {
  let guide: PacedRouteGuide;
  let server: RunningServer;
  let client: routeguide.RouteGuideClient;
  before(async () => {
    guide = pacedRouteGuide({ lookupMs: 300, stepMs: STEP_MS, maxFeatures: 5 });
    server = await startServer((s) => s.addService(routeguide.UnimplementedRouteGuideService.definition, guide.handlers));
    client = new routeguide.RouteGuideClient(server.address, credentials.createInsecure());
  });
  after(async () => {
    client.close();
    await server.stop(0);
  });

  test('both ends see every cancel, and no work goes on after it', async () => {
    const lines: string[] = [];
    const clients = frontClients(server.address);
    try {
      const view = { guideCallStopped: () => nextStop(guide.events), backendCallStopped: () => Promise.reject(new Error('no back end')) };
      const outcomes = await showCancellations(clients, new Transcript((line) => lines.push(line)), STEP_MS, view);
      assert.deepEqual(
        outcomes.map(({ method, status, clientSent, server }) => [method, status, clientSent, server?.ending, server?.workAfterCancel]),
        [
          ['ListFeatures', 'CANCELLED', 1, 'cancelled', 0],
          ['RecordRoute', 'CANCELLED', 5, 'cancelled', 0],
          ['RouteChat', 'CANCELLED', 5, 'cancelled', 0],
        ],
      );
      const [list, record, chat] = outcomes;
      assert.equal(list?.clientReceived, 3);
      assert.ok((list?.server?.sent ?? 99) < 5, 'ListFeatures stopped before its 5 features');
      assert.ok((record?.server?.received ?? 5) < 5, 'RecordRoute dropped the points still waiting');
      assert.equal(chat?.clientReceived, 2);
      assert.ok((chat?.server?.sent ?? 5) < 5, 'RouteChat answered fewer notes than it got');
      assert.equal(lines.at(-1), `  ${STEP_MS * 3} ms later, the servers' counts have not moved: no work goes on for a cancelled call`);
    } finally {
      clients.close();
    }
  });

  test('server streaming: a cancelled ListFeatures ends CANCELLED on the client, cancelled on the server', async () => {
    const stopped = nextStop(guide.events);
    const call = client.ListFeatures(RECTANGLE, { deadline: deadlineIn() });
    call.once('data', () => call.cancel());
    await assert.rejects(collect(call, 10), cancelledOnClient);
    await stoppedForGood(stopped, (log) => log.sent, 'feature is made');
  });

  test('server streaming, left alone: 5 features on the diagonal, then OK', async () => {
    const features = await collect(client.ListFeatures(RECTANGLE, { deadline: deadlineIn() }), 10);
    assert.deepEqual(
      features.map((feature) => [feature.name, feature.location.latitude, feature.location.longitude]),
      [['feature 1', 1, 1], ['feature 2', 2, 3], ['feature 3', 3, 5], ['feature 4', 4, 7], ['feature 5', 5, 9]],
    );
  });

  test('a stream past its deadline: DEADLINE_EXCEEDED on the client, cancelled on the server', async () => {
    const stopped = nextStop(guide.events);
    const call = client.ListFeatures(RECTANGLE, { deadline: deadlineIn(STEP_MS * 2.5) });
    await assert.rejects(collect(call, 10), { code: status.DEADLINE_EXCEEDED });
    const log = await stopped;
    assert.equal(log.ending, 'cancelled');
    assert.ok(log.sent < 5);
  });

  test('client streaming, left alone: every point processed, then the summary', async () => {
    const summary = await new Promise<routeguide.RouteSummary>((resolve, reject) => {
      const call = client.RecordRoute({ deadline: deadlineIn() }, (error, reply) => (error ? reject(error) : resolve(reply!)));
      for (let i = 0; i < 3; i++) call.write(new routeguide.Point({ latitude: i, longitude: i }));
      call.end();
    });
    assert.equal(summary.point_count, 3);
  });

  test('client streaming: cancel() while the server works through the points', async () => {
    const stopped = nextStop(guide.events);
    const ended = new Promise<ServiceError | null>((resolve) => {
      const call = client.RecordRoute({ deadline: deadlineIn() }, (error) => resolve(error));
      for (let i = 0; i < 5; i++) call.write(new routeguide.Point({ latitude: i, longitude: i }));
      void sleep(STEP_MS * 1.5).then(() => call.cancel());
    });
    const error = await ended;
    assert.ok(error && cancelledOnClient(error));
    const log = await stoppedForGood(stopped, ({ received }) => received, 'point is processed');
    assert.ok(log.received < 5);
  });

  test('bidirectional, left alone: one answer per note, then OK', async () => {
    const call = client.RouteChat({ deadline: deadlineIn() });
    for (const message of ['a', 'b']) call.write(new routeguide.RouteNote({ location: new routeguide.Point({ latitude: 1, longitude: 2 }), message }));
    call.end();
    assert.deepEqual((await collect(call, 10)).map((note) => note.message), ['heard: a', 'heard: b']);
  });

  test('bidirectional: cancel() after the first answer', async () => {
    const stopped = nextStop(guide.events);
    const call = client.RouteChat({ deadline: deadlineIn() });
    for (const message of ['a', 'b', 'c', 'd']) call.write(new routeguide.RouteNote({ message }));
    call.once('data', () => call.cancel());
    await assert.rejects(collect(call, 10), cancelledOnClient);
    await stoppedForGood(stopped, (log) => log.sent, 'answer is made');
  });
});
