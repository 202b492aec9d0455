// channelz: grpc-js keeps counters for every server, channel and socket in
// the process (on unless 'grpc.enable_channelz' is 0), and the channelz
// service lets a client read them from outside.
import { getChannelzServiceDefinition, type Client } from '@grpc/grpc-js';
import { callMethod } from './method-calls.ts';

const Channelz = getChannelzServiceDefinition();

export interface ServerCounts {
  id: string;
  /** The addresses the server listens on. */
  listening: string[];
  callsStarted: number;
  callsSucceeded: number;
  callsFailed: number;
}

/** The call counters of every gRPC server in the process that `client` is connected to. */
export async function serverCounts(client: Client): Promise<ServerCounts[]> {
  const { server } = await callMethod(client, Channelz.GetServers, { start_server_id: 0 });
  return server.map(({ ref, data, listen_socket }) => ({
    id: ref?.server_id ?? '?',
    listening: listen_socket.map((socket) => socket.name),
    // int64 counters arrive as decimal strings (longs: String); these fit in a double.
    callsStarted: Number(data?.calls_started),
    callsSucceeded: Number(data?.calls_succeeded),
    callsFailed: Number(data?.calls_failed),
  }));
}
