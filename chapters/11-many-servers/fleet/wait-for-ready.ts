// Helpers for the wait-for-ready demonstration: a port that nothing listens
// on yet, and a way to see that the channel has tried it and failed.
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { connectivityState, type ChannelOptions, type Client } from '@grpc/grpc-js';

/**
 * A channel that was refused tries again after a backoff: 1 s at first by
 * default, growing to 120 s. A quick first retry keeps the wait short here.
 */
export const RECONNECT_QUICKLY: ChannelOptions = {
  'grpc.initial_reconnect_backoff_ms': 20,
  'grpc.max_reconnect_backoff_ms': 1_000,
};

/**
 * A loopback port that was free a moment ago: the OS picks it for a listener
 * that closes at once. Nothing holds it afterwards, so another process could
 * take it before our server binds it. The window is a few milliseconds on a
 * port the OS just chose at random; if it is ever lost, the server's bind
 * fails with EADDRINUSE, loudly, rather than the demonstration lying.
 */
export async function freeLoopbackPort(): Promise<number> {
  const listener = createServer();
  listener.listen(0, '127.0.0.1');
  await once(listener, 'listening');
  const { port } = listener.address() as AddressInfo;
  listener.close();
  await once(listener, 'close');
  return port;
}

/**
 * Resolves when the client's channel reaches `wanted` (e.g. TRANSIENT_FAILURE:
 * it tried to connect and was refused), or rejects at `deadline`.
 */
export function untilChannelState(client: Client, wanted: connectivityState, deadline: Date): Promise<void> {
  const channel = client.getChannel();
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = channel.getConnectivityState(false);
      if (current === wanted) return resolve();
      channel.watchConnectivityState(current, deadline, (error) =>
        error ? reject(new Error(`the channel stayed ${connectivityState[current]}, never ${connectivityState[wanted]}`)) : check(),
      );
    };
    check();
  });
}
