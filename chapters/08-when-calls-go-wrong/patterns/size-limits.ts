// Message size limits: where they live and how to raise them. grpc-js checks
// every message it receives against grpc.max_receive_message_length (4 MiB
// unless set), on clients and servers alike, and every message it sends
// against grpc.max_send_message_length (no limit unless set). A limit is
// raised on the side that receives: a server option for requests, a channel
// option for replies.
//
// The demonstrations use chapter 02's proto-loader Greeter and client:
// protobuf.js encodes a 4 MiB string about 20 times faster than
// google-protobuf does (bench.ts), and this is a tour, not a benchmark.
import { credentials, type ChannelOptions, type ServerOptions } from '@grpc/grpc-js';
import { addDynamicGreeter, DynamicGreeterClient } from '../../02-unary-hello/dynamic-greeter.ts';
import { callUnary, deadlineIn, isServiceError } from '../../shared/client.ts';
import { startServer } from '../../shared/server.ts';
import type { Transcript } from '../../shared/transcript.ts';
import { helloworld } from '../../../generated/static/hello.ts';

export const MiB = 1024 * 1024;
export const DEFAULT_MAX_RECEIVE = 4 * MiB;

/** For a server that must accept requests up to 16 MiB. */
export const serverAccepting16MiB: ServerOptions = { 'grpc.max_receive_message_length': 16 * MiB };
/** For a client that must accept replies up to 16 MiB. */
export const clientAccepting16MiB: ChannelOptions = { 'grpc.max_receive_message_length': 16 * MiB };
/** For a client that refuses to send anything over 1 MiB, before it goes out. */
export const clientSendingAtMost1MiB: ChannelOptions = { 'grpc.max_send_message_length': MiB };

/** Greets `name` on chapter 02's Greeter through a client with `options`: the status name, narrated. */
export async function greetingSize(address: string, name: string, options: ChannelOptions, t: Transcript): Promise<string> {
  const client = new DynamicGreeterClient(address, credentials.createInsecure(), options);
  try {
    const reply = await callUnary(client.SayHello.bind(client), { name }, { deadline: deadlineIn() });
    t.note(`← a greeting of ${reply.message.length.toLocaleString('en-US')} characters`);
    return 'OK';
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return t.failed(error);
  } finally {
    client.close();
  }
}

/** The three other ways a size limit shows, against chapter 02's Greeter. */
export async function showSizeLimits(t: Transcript): Promise<string[]> {
  const server = await startServer(addDynamicGreeter);
  try {
    const nearlyFourMiB = 'x'.repeat(DEFAULT_MAX_RECEIVE - 10);
    t.step('A name 10 bytes short of 4 MiB: the request fits, but "Hello, " makes the reply 2 bytes too big');
    const tooBigReply = await greetingSize(server.address, nearlyFourMiB, {}, t);
    t.note('The server did the work and sent the reply; the client refused to take it.');
    t.step('The same, from a client whose channel accepts replies up to 16 MiB');
    const raised = await greetingSize(server.address, nearlyFourMiB, clientAccepting16MiB, t);
    t.step('A client that allows itself to send at most 1 MiB, sending 2 MiB');
    const tooBigToSend = await greetingSize(server.address, 'x'.repeat(2 * MiB), clientSendingAtMost1MiB, t);
    t.note('That one never left the client.');
    return [tooBigReply, raised, tooBigToSend];
  } finally {
    await server.stop();
  }
}

/** Sends a 5 MiB name to the front's Greeter, which, like every grpc-js server, receives at most 4 MiB. */
export async function showTooBig(address: string, t: Transcript): Promise<string> {
  t.step('SayHello with a 5 MiB name; a grpc-js server receives at most 4 MiB by default');
  t.sent(helloworld.UnimplementedGreeterService.definition.SayHello.path, { name: 'xxx… (5,242,880 of them)' });
  return greetingSize(address, 'x'.repeat(5 * MiB), {}, t);
}
