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

/** How long the tour waits for the server's side of a call. */
export const SERVER_LOG_WAIT_MS = 5_000;

/**
 * nextStop, or undefined when no log comes within `withinMs`. On a loaded
 * machine a 100 ms deadline can pass while the call still waits for its
 * connection, and the server never sees the call: the tour then goes on
 * without the server's side of the story instead of waiting for ever.
 */
export function nextStopWithin<Log>(events: EventEmitter<{ stopped: [log: Log] }>, withinMs = SERVER_LOG_WAIT_MS): Promise<Log | undefined> {
  return new Promise((resolve) => {
    const onStop = (log: Log) => {
      clearTimeout(timer);
      resolve(log);
    };
    const timer = setTimeout(() => {
      events.off('stopped', onStop);
      resolve(undefined);
    }, withinMs);
    events.once('stopped', onStop);
  });
}

/**
 * The servers' side of the story, when they run in the same process (the
 * tour, the tests). Each method must be called before the call it watches is
 * made, and settles when the server is done with that call.
 */
export interface ServerView {
  guideCallStopped(): Promise<CallLog | undefined>;
  backendCallStopped(): Promise<BackendLog | undefined>;
}
