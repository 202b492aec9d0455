// Graceful shutdown, watched from the client side: the server is told to stop
// while a ListFeatures stream is half-way and a health watcher is connected.
// The same steps run in server.ts when SIGINT or SIGTERM arrives.
import * as grpc from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { callUnary, deadlineIn, isServiceError } from '../../shared/client.ts';
import type { RunningServer } from '../../shared/server.ts';
import { EUROPE } from '../feature-feed.ts';
import { healthClient, HealthWatch } from '../inspection/health-client.ts';
import { WHOLE_SERVER, type ServiceHealth } from '../health.ts';

/** Every message of a server stream, and how the stream ended. */
export function collectStream<T>(call: grpc.ClientReadableStream<T>): Promise<{ messages: T[]; status: grpc.StatusObject }> {
  const messages: T[] = [];
  call.on('data', (message: T) => messages.push(message));
  // 'status' comes last, after the last message, whether the call succeeded or not.
  call.on('error', () => {}); // the status below reports failures too
  return new Promise((resolve) => call.on('status', (status) => resolve({ messages, status })));
}

/** How a call ended: the status name (OK included), or what it resolved to if that is a string. */
export async function outcome(result: Promise<unknown>): Promise<string> {
  try {
    const value = await result;
    return typeof value === 'string' ? value : 'OK';
  } catch (error) {
    if (isServiceError(error)) return grpc.status[error.code];
    throw error;
  }
}

export interface ShutdownReport {
  /** Features the in-flight stream delivered, and how it ended. */
  streamed: number;
  streamStatus: string;
  /** How a call made after the stop began ended. */
  lateCall: string;
  /** What the health watcher saw: statuses, then how its stream ended. */
  watcherSaw: string[];
}

/**
 * Opens a ListFeatures stream and a Watch on the chapter's server, then stops
 * it with `graceMs` of grace. The stream must take longer than a few calls.
 */
export async function stopWhileBusy(running: RunningServer, health: ServiceHealth, graceMs: number): Promise<ShutdownReport> {
  const insecure = grpc.credentials.createInsecure();
  const greeter = new helloworld.GreeterClient(running.address, insecure);
  const features = new routeguide.RouteGuideClient(running.address, insecure);
  const watcher = healthClient(running.address);
  try {
    const watch = new HealthWatch(watcher, WHOLE_SERVER);
    const watcherSaw: string[] = [await watch.next()];
    await callUnary(greeter.SayHello, new helloworld.HelloRequest({ name: 'before' }));

    const stream = features.ListFeatures(EUROPE, { deadline: deadlineIn() });
    const streamed = collectStream(stream);
    await new Promise((resolve) => stream.once('data', resolve));

    // What server.ts does on SIGTERM: tell watchers first, then stop.
    health.markAllNotServing();
    const stopped = running.stop(graceMs);
    watcherSaw.push(await watch.next());

    const lateCall = await outcome(callUnary(greeter.SayHello, new helloworld.HelloRequest({ name: 'late' })));
    const { messages, status } = await streamed;
    // A Watch never ends by itself: only the end of the grace period ends it.
    watcherSaw.push(await outcome(watch.next()));
    await stopped;
    return { streamed: messages.length, streamStatus: grpc.status[status.code], lateCall, watcherSaw };
  } finally {
    for (const client of [greeter, features, watcher]) client.close();
  }
}
