// Two facts about grpc-js (1.14) server calls that the lesson relies on. If an
// upgrade changes them, this test says so, and the lesson needs a new paragraph.
import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import { test } from 'node:test';
import type { sendUnaryData, ServerReadableStream, ServerWritableStream } from '@grpc/grpc-js';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { deadlineIn } from '../../shared/client.ts';
import type { SomeHandlers } from '../../shared/handlers.ts';
import { startServer } from '../../shared/server.ts';
import { openRouteGuide } from '../route-guide-client.ts';

const { Point, Rectangle, RouteSummary } = routeguide;

/** A RouteGuide whose ListFeatures and RecordRoute only log the events of their calls. */
async function eventLogger() {
  const log: string[] = [];
  const done = new EventEmitter<{ point: []; closed: [] }>();
  const server = await startServer((s) =>
    s.addService(routeguide.UnimplementedRouteGuideService.definition, {
      ListFeatures: (call: ServerWritableStream<routeguide.Rectangle, routeguide.Feature>) => {
        call.on('cancelled', () => log.push(`cancelled (call.cancelled: ${call.cancelled})`));
        call.on('close', () => done.emit('closed'));
        call.end();
        log.push('end() called: status OK is on its way');
      },
      RecordRoute: (call: ServerReadableStream<routeguide.Point, routeguide.RouteSummary>, callback: sendUnaryData<routeguide.RouteSummary>) => {
        call.on('data', () => {
          log.push('data');
          done.emit('point');
        });
        call.on('end', () => {
          log.push(`end (call.cancelled: ${call.cancelled})`);
          callback(null, new RouteSummary());
        });
        call.on('cancelled', () => log.push('cancelled'));
        call.on('close', () => done.emit('closed'));
      },
    } satisfies SomeHandlers<routeguide.UnimplementedRouteGuideService>),
  );
  const next = (event: 'point' | 'closed') => once(done, event, { signal: AbortSignal.timeout(5_000) });
  return { log, server, next };
}

test("'cancelled' also fires after a call that finished normally", async () => {
  const { log, server, next } = await eventLogger();
  const client = openRouteGuide(server.address);
  try {
    const call = client.ListFeatures(new Rectangle({ lo: new Point(), hi: new Point() }), { deadline: deadlineIn() });
    const serverClosed = next('closed');
    const [status] = (await once(call, 'status')) as [{ code: number }];
    await serverClosed;
    assert.equal(status.code, 0);
    assert.deepEqual(log, ['end() called: status OK is on its way', 'cancelled (call.cancelled: true)']);
  } finally {
    client.close();
    await server.stop();
  }
});

test("a client that cancels a client stream: the server reads 'end' first, as if it had half-closed", async () => {
  const { log, server, next } = await eventLogger();
  const client = openRouteGuide(server.address);
  try {
    const serverHasPoint = next('point');
    const serverClosed = next('closed');
    let cancel = () => {};
    const reply = new Promise<string>((resolve) => {
      const call = client.RecordRoute({ deadline: deadlineIn() }, (error) => resolve(error ? error.details : 'a summary'));
      call.write(new Point());
      cancel = () => call.cancel();
    });
    await serverHasPoint;
    cancel();
    assert.equal(await reply, 'Cancelled on client');
    await serverClosed;
    assert.deepEqual(log, ['data', 'end (call.cancelled: false)', 'cancelled']);
  } finally {
    client.close();
    await server.stop();
  }
});
