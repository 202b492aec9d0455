// The chapter's clients, both pointed at the front server.
import type { EventEmitter } from 'node:events';
import { credentials } from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';
import { routeguide } from '../../generated/static/route_guide.ts';
import type { BackendLog } from './slow-backend.ts';
import type { CallLog } from './paced-route-guide.ts';

export interface FrontClients {
  guide: routeguide.RouteGuideClient;
  greeter: helloworld.GreeterClient;
  close(): void;
}

export function frontClients(address: string): FrontClients {
  const guide = new routeguide.RouteGuideClient(address, credentials.createInsecure());
  const greeter = new helloworld.GreeterClient(address, credentials.createInsecure());
  return {
    guide,
    greeter,
    close() {
      guide.close();
      greeter.close();
    },
  };
}

/** The next log an emitter of 'stopped' events reports. */
export function nextStop<Log>(events: EventEmitter<{ stopped: [log: Log] }>): Promise<Log> {
  return new Promise((resolve) => events.once('stopped', resolve));
}

/**
 * The servers' side of the story, when they run in the same process (the
 * tour, the tests). Each method must be called before the call it watches is
 * made, and settles when the server is done with that call.
 */
export interface ServerView {
  guideCallStopped(): Promise<CallLog>;
  backendCallStopped(): Promise<BackendLog>;
}
