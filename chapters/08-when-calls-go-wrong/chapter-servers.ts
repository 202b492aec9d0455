// The chapter's two servers. The front serves the paced RouteGuide and the
// relay Greeter; the back end is the slow Greeter the relay calls. Used by the
// tour, the server half and the tests alike.
import { credentials, type Server } from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';
import { routeguide } from '../../generated/static/route_guide.ts';
import { connected } from '../shared/client.ts';
import { startServer, type RunningServer, type StartServerOptions } from '../shared/server.ts';
import { pacedRouteGuide, type Pace, type PacedRouteGuide } from './paced-route-guide.ts';
import { relayHandlers } from './relay.ts';
import { slowBackend, type SlowBackend } from './slow-backend.ts';
import { withWireChecks } from '../shared/wire-check.ts';
import { SERVER_OPTIONS } from '../shared/server-options.ts';

/** Slow enough to give up on, quick enough for a tour. */
export const PACE: Pace = { lookupMs: 300, stepMs: 20, maxFeatures: 1_000 };
export const BACKEND_WORK_MS = 150;

export interface Backend {
  running: RunningServer;
  slow: SlowBackend;
  /** The front's client for the back end. */
  client: helloworld.GreeterClient;
  stop(): Promise<void>;
}

/** The back end, on a free loopback port. */
export async function startBackend(workMs = BACKEND_WORK_MS): Promise<Backend> {
  const slow = slowBackend(workMs);
  const running = await startServer((server) => server.addService(withWireChecks(helloworld.UnimplementedGreeterService.definition), slow.handlers));
  const client = new helloworld.GreeterClient(running.address, credentials.createInsecure());
  // Connected now, so that a relayed call's deadline times the back end's work, not the handshake.
  await connected(client);
  return {
    running,
    slow,
    client,
    async stop() {
      client.close();
      await running.stop();
    },
  };
}

/** The front's services: the paced RouteGuide, and the relay Greeter in front of `backend` (`relayDeadlineMs`: see relayHandlers). */
export function addFrontServices(server: Server, guide: PacedRouteGuide, backend: helloworld.GreeterClient, relayDeadlineMs?: number): void {
  server.addService(withWireChecks(routeguide.UnimplementedRouteGuideService.definition), guide.handlers);
  server.addService(withWireChecks(helloworld.UnimplementedGreeterService.definition), relayHandlers(backend, relayDeadlineMs));
}

export interface ChapterServers {
  front: RunningServer;
  backend: Backend;
  guide: PacedRouteGuide;
  stop(): Promise<void>;
}

/** Both servers, for the tour and the tests. */
export async function startChapterServers(pace: Pace = PACE, options?: StartServerOptions): Promise<ChapterServers> {
  const backend = await startBackend();
  const guide = pacedRouteGuide(pace);
  const front = await startServer((server) => addFrontServices(server, guide, backend.client), { ...options, serverOptions: { ...SERVER_OPTIONS, ...options?.serverOptions } });
  return {
    front,
    backend,
    guide,
    async stop() {
      // Grace 0: a demonstration may leave a call running on purpose.
      await front.stop(0);
      await backend.stop();
    },
  };
}
