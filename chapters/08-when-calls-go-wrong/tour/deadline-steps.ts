// Deadlines, seen from the client: a slow handler trips DEADLINE_EXCEEDED, and
// a relay either takes its back end down with it (parent) or forgets to.
import { helloworld } from '../../../generated/static/hello.ts';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { callUnary, connected, deadlineIn, isServiceError } from '../../shared/client.ts';
import type { Transcript } from '../../shared/transcript.ts';
import type { FrontClients, ServerView } from '../clients.ts';
import type { BackendLog } from '../slow-backend.ts';
import { BACKEND_WORK_MS, PACE } from '../chapter-servers.ts';

const paths = routeguide.UnimplementedRouteGuideService.definition;
const greeterPaths = helloworld.UnimplementedGreeterService.definition;

/** Calls `send`, narrates the reply or the failure, and returns the status name ("OK" for a reply). */
async function narrate(t: Transcript, send: () => Promise<object>): Promise<string> {
  try {
    t.received(await send());
    return 'OK';
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return t.failed(error);
  }
}

export interface DeadlineStory {
  /** Status names: GetFeature, then the relay with its parent, then without. */
  statuses: string[];
  /** How the back-end call ended with the parent and without, when the back end runs in this process. */
  backend: (BackendLog | undefined)[];
}

export async function showDeadlines(clients: FrontClients, t: Transcript, view?: ServerView): Promise<DeadlineStory> {
  const statuses: string[] = [];
  const point = new routeguide.Point({ latitude: 409146138, longitude: -746188906 });

  // A deadline counts from the call, connection set-up included: connect first,
  // so that the 100 ms time the lookup. If the server cannot be reached, the
  // call below says so.
  await connected(clients.guide).catch(() => undefined);
  t.step(`GetFeature takes ${PACE.lookupMs} ms to look a point up; the client allows 100 ms`);
  // Every call carries a deadline; this one is shorter than the work.
  const lookup = view?.guideCallStopped();
  t.sent(paths.GetFeature.path, point.toObject());
  statuses.push(await narrate(t, () => callUnary(clients.guide.GetFeature, point, { deadline: deadlineIn(100) })));
  const log = await lookup;
  if (log) t.note(`server: the call was ${log.ending} after ${log.elapsedMs} ms, with ${log.workAfterCancel} steps of work after that`);

  const request = new helloworld.HelloRequest({ name: 'World' });
  t.step(`The front asks a back end that needs ${BACKEND_WORK_MS} ms, passing its call as the parent; the client allows 100 ms`);
  const relayed = view?.backendCallStopped();
  t.sent(greeterPaths.SayHello.path, request.toObject());
  statuses.push(await narrate(t, () => callUnary(clients.greeter.SayHello, request, { deadline: deadlineIn(100) })));
  const withParent = await relayed;
  if (withParent) {
    t.note(`back end: arrived with ${withParent.deadlineMs} ms left on its deadline; ${withParent.ending} after ${withParent.elapsedMs} ms`);
  }

  t.step('The same, by a relay that forgets the parent (SayHelloAgain)');
  const forgotten = view?.backendCallStopped();
  t.sent(greeterPaths.SayHelloAgain.path, request.toObject());
  statuses.push(await narrate(t, () => callUnary(clients.greeter.SayHelloAgain, request, { deadline: deadlineIn(100) })));
  const withoutParent = await forgotten;
  if (withoutParent) {
    t.note(`back end: arrived with ${withoutParent.deadlineMs} ms left; ${withoutParent.ending} after ${withoutParent.elapsedMs} ms, for a client that had left`);
  }
  return { statuses, backend: [withParent, withoutParent] };
}
