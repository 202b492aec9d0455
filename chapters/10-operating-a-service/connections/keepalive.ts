// A half-dead connection, detected. Two clients hold a ListFeatures stream
// open through a proxy; the proxy freezes. The client with keepalive pings,
// hears nothing, and fails its call with UNAVAILABLE; the client without it
// goes on waiting, for as long as its deadline allows. The server has
// keepalive too, so it notices that both clients went silent and cancels
// their streams, freeing what they held.
import * as grpc from '@grpc/grpc-js';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { deadlineIn } from '../../shared/client.ts';
import { startServer } from '../../shared/server.ts';
import { addFeatureFeed, EUROPE } from '../feature-feed.ts';
import { startFreezableProxy } from './freezable-proxy.ts';

/**
 * Send a ping every 100 ms, and drop the connection if no answer comes within
 * 300 ms. Times this short are for the demonstration: see the lesson for the
 * values to use in production, and for what servers allow. (The timeout is
 * the longer of the two so that a busy machine, slow to answer a ping, is not
 * mistaken for a dead one.)
 */
export const DEMO_KEEPALIVE = {
  'grpc.keepalive_time_ms': 100,
  'grpc.keepalive_timeout_ms': 300,
} as const satisfies grpc.ChannelOptions;

/** The deadline of both streams: long enough that only keepalive can end them during the demonstration. */
export const STREAM_DEADLINE_MS = 5_000;

export interface FrozenPeerReport {
  /** How the call of the client with keepalive ended. */
  withKeepalive: { status: string; details: string; afterMs: number };
  /** Whether the call of the client without keepalive was still open when all the rest had happened. */
  withoutKeepaliveStillOpen: boolean;
  /** Milliseconds from the freeze until the server had cancelled both streams. */
  serverCancelledAfterMs: number;
  /** Milliseconds from the freeze until all of the above had happened. */
  watchedForMs: number;
}

/** Opens a ListFeatures stream; `firstFeature` resolves when the first feature has arrived. */
function openFeatureStream(client: routeguide.RouteGuideClient) {
  const call = client.ListFeatures(EUROPE, { deadline: deadlineIn(STREAM_DEADLINE_MS) });
  let open = true;
  const ended = new Promise<grpc.ServiceError>((resolve) =>
    call.on('error', (error: grpc.ServiceError) => {
      open = false;
      resolve(error);
    }),
  );
  const firstFeature = new Promise((resolve, reject) => {
    call.once('data', resolve);
    call.once('error', reject);
  });
  return { call, ended, firstFeature, isOpen: () => open };
}

/** Freezes the connection under two open streams and reports how each side found out. */
export async function freezeUnderOpenStreams(): Promise<FrozenPeerReport> {
  let cancelled = 0;
  let allCancelled: () => void = () => {};
  const serverCancelledBoth = new Promise<void>((resolve, reject) => {
    allCancelled = resolve;
    const timer = setTimeout(() => reject(new Error(`the server cancelled ${cancelled} of 2 streams within ${STREAM_DEADLINE_MS} ms`)), STREAM_DEADLINE_MS);
    timer.unref();
  });
  const onCancelled = () => {
    if (++cancelled === 2) allCancelled();
  };
  // One feature now and the next in a minute: the streams sit idle, the way
  // a watch or a subscription does most of the time.
  const server = await startServer((s) => addFeatureFeed(s, { intervalMs: 60_000, onCancelled }), { serverOptions: DEMO_KEEPALIVE });
  const cleanUp: (() => unknown)[] = [() => server.stop(0)]; // run last to first
  try {
    const proxy = await startFreezableProxy(server.port);
    cleanUp.push(() => proxy.close());
    const [pinging, silent] = [DEMO_KEEPALIVE, {}].map((options) => {
      const client = new routeguide.RouteGuideClient(proxy.address, grpc.credentials.createInsecure(), options);
      const stream = openFeatureStream(client);
      cleanUp.push(() => client.close(), () => stream.call.cancel());
      return stream;
    });
    await Promise.all([pinging.firstFeature, silent.firstFeature]);
    if (!pinging.isOpen() || !silent.isOpen()) throw new Error('a stream ended before the freeze: nothing to demonstrate');

    const frozenAt = Date.now();
    proxy.freeze();
    const sinceFreeze = () => Date.now() - frozenAt;
    const [withKeepalive, serverCancelledAfterMs] = await Promise.all([
      pinging.ended.then((error) => ({ status: grpc.status[error.code], details: error.details, afterMs: sinceFreeze() })),
      serverCancelledBoth.then(sinceFreeze),
    ]);
    return {
      withKeepalive,
      withoutKeepaliveStillOpen: silent.isOpen(),
      serverCancelledAfterMs,
      watchedForMs: sinceFreeze(),
    };
  } finally {
    for (const step of cleanUp.reverse()) await step();
  }
}

/** The report in words, one line per side. */
export function frozenPeerLines({ withKeepalive, withoutKeepaliveStillOpen, serverCancelledAfterMs, watchedForMs }: FrozenPeerReport): string[] {
  return [
    `client with keepalive: ${withKeepalive.status} ${withKeepalive.afterMs} ms after the freeze (${withKeepalive.details})`,
    withoutKeepaliveStillOpen
      ? `client without keepalive: still waiting ${watchedForMs} ms after the freeze, with no message and no error; only its deadline, ${STREAM_DEADLINE_MS / 1000} s after the call began, would end it`
      : 'client without keepalive: its call had ended too',
    `server (keepalive on): cancelled both streams ${serverCancelledAfterMs} ms after the freeze`,
  ];
}
