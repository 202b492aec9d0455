// A half-dead connection, detected. Two clients hold a ListFeatures stream
// open through a proxy; the proxy freezes. The client with keepalive pings,
// hears nothing, and fails its call with UNAVAILABLE; the client without it
// waits for its deadline. The server has keepalive too, so it notices that
// both clients went silent and cancels their streams, freeing what they held.
import * as grpc from '@grpc/grpc-js';
import { routeguide } from '../../generated/static/route_guide.ts';
import { deadlineIn } from '../shared/client.ts';
import { startServer } from '../shared/server.ts';
import { addFeatureFeed, EUROPE } from './feature-feed.ts';
import { startFreezableProxy } from './freezable-proxy.ts';

/**
 * Send a ping after 200 ms, and drop the connection if no answer comes within
 * 100 ms. Times this short are for the demonstration: see the lesson for the
 * values to use in production, and for what servers allow.
 */
export const DEMO_KEEPALIVE = {
  'grpc.keepalive_time_ms': 200,
  'grpc.keepalive_timeout_ms': 100,
} as const satisfies grpc.ChannelOptions;

export interface CallEnding {
  /** The status name: UNAVAILABLE, DEADLINE_EXCEEDED, … */
  status: string;
  details: string;
  /** Milliseconds from the freeze to the end of the call. */
  afterMs: number;
}

export interface FrozenPeerReport {
  withKeepalive: CallEnding;
  withoutKeepalive: CallEnding;
  /** Milliseconds from the freeze until the server had cancelled both streams. */
  serverCancelledAfterMs: number;
}

/** Opens a ListFeatures stream and resolves once its first feature has arrived. */
async function openFeatureStream(address: string, options: grpc.ChannelOptions, deadline: Date) {
  const client = new routeguide.RouteGuideClient(address, grpc.credentials.createInsecure(), options);
  const call = client.ListFeatures(EUROPE, { deadline });
  const ended = new Promise<grpc.ServiceError>((resolve) => call.on('error', resolve));
  await new Promise((resolve, reject) => {
    call.once('data', resolve);
    call.once('error', reject);
  });
  return { client, ended };
}

/**
 * Freezes the connection under two open streams and reports how each side
 * found out. `deadlineMs` is the deadline of both calls, from their start.
 */
export async function freezeUnderOpenStreams(deadlineMs = 600): Promise<FrozenPeerReport> {
  let cancelled = 0;
  let allCancelled: () => void = () => {};
  const serverCancelledBoth = new Promise<void>((resolve, reject) => {
    allCancelled = resolve;
    setTimeout(() => reject(new Error(`the server cancelled ${cancelled} of 2 streams within ${deadlineMs + 2_000} ms`)), deadlineMs + 2_000).unref();
  });
  const onCancelled = () => {
    if (++cancelled === 2) allCancelled();
  };
  // One feature now and the next in a minute: the streams sit idle, the way
  // a watch or a subscription does most of the time.
  const server = await startServer((s) => addFeatureFeed(s, { intervalMs: 60_000, onCancelled }), { serverOptions: DEMO_KEEPALIVE });
  const proxy = await startFreezableProxy(server.port);
  const deadline = deadlineIn(deadlineMs);
  const streams = await Promise.all([openFeatureStream(proxy.address, DEMO_KEEPALIVE, deadline), openFeatureStream(proxy.address, {}, deadline)]);
  try {
    const frozenAt = Date.now();
    proxy.freeze();
    const ending = async (ended: Promise<grpc.ServiceError>): Promise<CallEnding> => {
      const error = await ended;
      return { status: grpc.status[error.code], details: error.details, afterMs: Date.now() - frozenAt };
    };
    const [withKeepalive, withoutKeepalive, serverCancelledAfterMs] = await Promise.all([
      ending(streams[0].ended),
      ending(streams[1].ended),
      serverCancelledBoth.then(() => Date.now() - frozenAt),
    ]);
    return { withKeepalive, withoutKeepalive, serverCancelledAfterMs };
  } finally {
    for (const { client } of streams) client.close();
    await proxy.close();
    await server.stop(0);
  }
}

/** The report in words, one line per side. */
export function frozenPeerLines({ withKeepalive, withoutKeepalive, serverCancelledAfterMs }: FrozenPeerReport): string[] {
  const line = (who: string, { status, details, afterMs }: CallEnding) =>
    `${who}: ${status} ${afterMs} ms after the freeze (${details.split(',')[0]})`;
  return [
    line('client with keepalive', withKeepalive),
    line('client without keepalive', withoutKeepalive),
    `server (keepalive on): cancelled both streams ${serverCancelledAfterMs} ms after the freeze`,
  ];
}
