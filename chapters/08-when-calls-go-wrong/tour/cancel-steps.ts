// Cancelling each streaming shape from the client, and what the server sees.
// A client cancels with call.cancel(): its side of the call ends at once with
// CANCELLED ("Cancelled on client"), and grpc-js resets the HTTP/2 stream,
// which the server sees as 'cancelled' on its call.
import { setTimeout as sleep } from 'node:timers/promises';
import { status, type ServiceError } from '@grpc/grpc-js';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { deadlineIn } from '../../shared/client.ts';
import type { Transcript } from '../../shared/transcript.ts';
import type { FrontClients, ServerView } from '../clients.ts';
import type { CallLog } from '../paced-route-guide.ts';

/** One cancelled call, from both ends. */
export interface CancelOutcome {
  method: string;
  /** Messages the client sent and received before it cancelled. */
  clientSent: number;
  clientReceived: number;
  /** How the call ended for the client. */
  status: string;
  /** The server's log of the call, when the server runs in this process. */
  server?: CallLog;
}

const RECTANGLE = routeguide.Rectangle.fromObject({
  lo: { latitude: 400000000, longitude: -750000000 },
  hi: { latitude: 420000000, longitude: -730000000 },
});
const pointNumber = (i: number) => new routeguide.Point({ latitude: 400000000 + i * 1_000, longitude: -750000000 });

type Ending = Promise<ServiceError | null>;
const statusName = (error: ServiceError | null) => status[error?.code ?? status.OK];

/** A streaming call's end: its error, or null when it ended OK. */
function endingOf(call: NodeJS.EventEmitter): Ending {
  return new Promise((resolve) => {
    call.once('error', resolve);
    call.once('end', () => resolve(null));
  });
}

/** Server streaming: ListFeatures would send 1,000 features; the client cancels after 3. */
async function cancelListFeatures({ guide }: FrontClients, view?: ServerView): Promise<CancelOutcome> {
  const server = view?.guideCallStopped();
  const call = guide.ListFeatures(RECTANGLE, { deadline: deadlineIn() });
  let clientReceived = 0;
  const onFeature = () => {
    if (++clientReceived < 3) return;
    call.off('data', onFeature); // that is enough: stop reading, and say so
    call.cancel();
  };
  call.on('data', onFeature);
  const ended = await endingOf(call);
  return { method: 'ListFeatures', clientSent: 1, clientReceived, status: statusName(ended), server: await server };
}

/** Client streaming: 5 points go out at once; the server needs a step for each; the client cancels after 2.5 steps. */
async function cancelRecordRoute({ guide }: FrontClients, stepMs: number, view?: ServerView): Promise<CancelOutcome> {
  const server = view?.guideCallStopped();
  const ended = await new Promise<ServiceError | null>((resolve) => {
    const call = guide.RecordRoute({ deadline: deadlineIn() }, (error) => resolve(error));
    for (let i = 0; i < 5; i++) call.write(pointNumber(i));
    void sleep(stepMs * 2.5).then(() => call.cancel());
  });
  return { method: 'RecordRoute', clientSent: 5, clientReceived: 0, status: statusName(ended), server: await server };
}

/** Bidirectional: 5 notes go out; the server answers one per step; the client cancels after 2 answers. */
async function cancelRouteChat({ guide }: FrontClients, view?: ServerView): Promise<CancelOutcome> {
  const server = view?.guideCallStopped();
  const call = guide.RouteChat({ deadline: deadlineIn() });
  let clientReceived = 0;
  const onAnswer = () => {
    if (++clientReceived < 2) return;
    call.off('data', onAnswer);
    call.cancel();
  };
  call.on('data', onAnswer);
  for (let i = 1; i <= 5; i++) call.write(new routeguide.RouteNote({ location: pointNumber(i), message: `note ${i}` }));
  const ended = await endingOf(call);
  return { method: 'RouteChat', clientSent: 5, clientReceived, status: statusName(ended), server: await server };
}

/** Cancels one call of each streaming shape, narrating both ends. */
export async function showCancellations(clients: FrontClients, t: Transcript, stepMs: number, view?: ServerView): Promise<CancelOutcome[]> {
  t.step(`Cancelling each streaming shape (the server takes ${stepMs} ms per step)`);
  const outcomes = [
    await cancelListFeatures(clients, view),
    await cancelRecordRoute(clients, stepMs, view),
    await cancelRouteChat(clients, view),
  ];
  for (const { method, clientSent, clientReceived, status, server } of outcomes) {
    t.note(`${method}: the client sent ${clientSent}, received ${clientReceived}, cancelled → ${status}`);
    if (server) {
      t.note(`  server: ${server.ending} after ${server.elapsedMs} ms; received ${server.received}, sent ${server.sent}; ${server.workAfterCancel} steps of work after the cancel`);
    }
  }
  if (view) {
    const before = outcomes.map(({ server }) => `${server?.received}/${server?.sent}`).join();
    await sleep(stepMs * 3);
    const after = outcomes.map(({ server }) => `${server?.received}/${server?.sent}`).join();
    t.note(`${stepMs * 3} ms later, the servers' counts ${before === after ? 'have not moved' : 'HAVE MOVED'}: no work goes on for a cancelled call`);
  }
  return outcomes;
}
