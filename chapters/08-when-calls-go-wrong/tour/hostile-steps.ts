// A few of the bad-input matrix's requests, in the tour: bytes no protobuf
// library would write, sent to chapter 02's Greeter, which then greets as
// before.
import { status as grpcStatus } from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { addStaticGreeter } from '../../02-unary-hello/static-greeter.ts';
import { startServer } from '../../shared/server.ts';
import type { Transcript } from '../../shared/transcript.ts';
import { lengthField, varintField } from '../bad-input/hostile-bytes.ts';
import { framePrefix, rawCall, rawClient, rawHttp2 } from '../bad-input/raw-calls.ts';

const SAY_HELLO = helloworld.UnimplementedGreeterService.definition.SayHello;

export async function showHostileBytes(t: Transcript): Promise<{ refusedWith: string[]; greetedAfter: string }> {
  const server = await startServer(addStaticGreeter);
  const client = rawClient(server.address);
  try {
    t.step(`Bytes no client library would send, to chapter 02's Greeter (${server.address})`);
    const refusedWith: string[] = [];
    const hostile: [string, Buffer][] = [
      ['name sent as a number (wire type 0 where a string needs 2)', varintField(1, 5)],
      ['a field that claims 4 GiB, in 7 bytes', lengthField(1, Buffer.from('A'), 0xffffffffn)],
    ];
    for (const [what, bytes] of hostile) {
      const answer = await rawCall(client, SAY_HELLO, [bytes]);
      t.note(`${what}: ${bytes.toString('hex').replace(/(..)/g, '$1 ').trim()}`);
      t.note(`  ✖ ${grpcStatus[answer.code]} (${answer.code}): ${answer.details}`);
      refusedWith.push(grpcStatus[answer.code]);
    }
    const cutShort = await rawHttp2(server.address, SAY_HELLO.path, Buffer.concat([framePrefix(100), Buffer.alloc(10, 0x41)]));
    t.note('a frame whose prefix claims 100 bytes, followed by 10 and the end of the stream (raw HTTP/2):');
    t.note(`  ✖ ${grpcStatus[cutShort.grpcStatus ?? grpcStatus.UNKNOWN]} (${cutShort.grpcStatus}): ${cutShort.grpcMessage}`);
    refusedWith.push(grpcStatus[cutShort.grpcStatus ?? grpcStatus.UNKNOWN]);
    const greeting = await rawCall(client, SAY_HELLO, [Buffer.from(new helloworld.HelloRequest({ name: 'World' }).serialize())]);
    const [reply] = greeting.messages;
    const greetedAfter = reply ? helloworld.HelloReply.deserialize(reply).message : `no reply: ${grpcStatus[greeting.code]}`;
    t.note(`and then a good request: ← ${JSON.stringify({ message: greetedAfter })}`);
    return { refusedWith, greetedAfter };
  } finally {
    client.close();
    await server.stop();
  }
}
