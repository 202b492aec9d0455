// An idle connection, closed on purpose. A server with
// 'grpc.max_connection_idle_ms' sends GOAWAY to a connection that has had no
// call for that long; the client's channel goes back to IDLE, and its next
// call simply connects again. Nothing fails: idleness is not an error.
import * as grpc from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { addStaticGreeter } from '../../02-unary-hello/static-greeter.ts';
import { callUnary, deadlineIn } from '../../shared/client.ts';
import { startServer } from '../../shared/server.ts';

export interface IdleReport {
  /** Channel states seen, in order, from the first call to after the second. */
  states: string[];
  /** Milliseconds from the end of the first call until the channel was IDLE. */
  idleAfterMs: number;
  /** The second call's reply. */
  secondReply: string;
}

/** Resolves with the channel's next state, or rejects if it stays `current` until `deadline`. */
function nextState(channel: grpc.ChannelInterface, current: grpc.connectivityState, deadline: Date): Promise<grpc.connectivityState> {
  return new Promise((resolve, reject) => {
    channel.watchConnectivityState(current, deadline, (error) => {
      if (error) reject(new Error(`the channel stayed ${grpc.connectivityState[current]}: ${error.message}`));
      else resolve(channel.getConnectivityState(false));
    });
  });
}

export async function idleConnectionClosed(idleMs = 150): Promise<IdleReport> {
  const server = await startServer(addStaticGreeter, { serverOptions: { 'grpc.max_connection_idle_ms': idleMs } });
  const client = new helloworld.GreeterClient(server.address, grpc.credentials.createInsecure());
  const channel = client.getChannel();
  const state = () => grpc.connectivityState[channel.getConnectivityState(false)];
  try {
    await callUnary(client.SayHello, new helloworld.HelloRequest({ name: 'first' }));
    const states = [state()];
    const lastCallEnded = Date.now();
    // Bounded: the channel must leave READY well within the deadline.
    const deadline = deadlineIn(idleMs + 2_000);
    while (channel.getConnectivityState(false) !== grpc.connectivityState.IDLE) {
      await nextState(channel, channel.getConnectivityState(false), deadline);
      states.push(state());
    }
    const idleAfterMs = Date.now() - lastCallEnded;
    const reply = await callUnary(client.SayHello, new helloworld.HelloRequest({ name: 'again' }));
    states.push(state());
    return { states, idleAfterMs, secondReply: reply.message };
  } finally {
    client.close();
    await server.stop(0);
  }
}
