import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';
import { routeguide } from '../../generated/static/route_guide.ts';
import { unaryHandler } from './handlers.ts';
import { startServer } from './server.ts';
import { checkMessage, UndecodableMessage, MAX_DEPTH, withWireChecks, WireFormatError } from './wire-check.ts';

/** Asserts that `bytes` fail the check for `typeName` with exactly `message`. */
function refused(bytes: number[], typeName: string, message: string): void {
  assert.throws(() => checkMessage(Uint8Array.from(bytes), typeName), (error: unknown) => {
    assert.ok(error instanceof WireFormatError);
    assert.equal(error.message, message);
    return true;
  });
}

const passes = (bytes: number[], typeName: string) => assert.doesNotThrow(() => checkMessage(Uint8Array.from(bytes), typeName));
const FOUR_GIB = [0xff, 0xff, 0xff, 0xff, 0x0f]; // 4294967295 as a varint

describe('checkMessage', () => {
  test('well-formed messages pass, unknown fields included', () => {
    passes([0x0a, 0x05, 0x57, 0x6f, 0x72, 0x6c, 0x64], '.helloworld.HelloRequest');
    passes([], '.helloworld.HelloRequest');
    passes([0xf8, 0x07, 0x01, 0x12, 0x01, 0xff, 0x1d, 1, 2, 3, 4, 0x21, 1, 2, 3, 4, 5, 6, 7, 8], '.helloworld.HelloRequest');
    passes([0x23, 0x08, 0x01, 0x24], '.helloworld.HelloRequest'); // an unknown group, properly closed
    passes([0x0a, 0x04, 0x08, 0x01, 0x10, 0x02, 0x12, 0x02, 0x08, 0x03], '.routeguide.Rectangle');
    passes([0x0a, 0x09, 0x0a, 0x02, 0x6e, 0x31, 0x15, 0, 0, 0x80, 0x3e], '.GCNResult'); // a map entry: "n1" → 0.25
  });

  test('repeated numbers may come packed or one by one', () => {
    passes([0x0a, 0x03, 0x01, 0xac, 0x02], '.UserReq');
    passes([0x08, 0x01, 0x08, 0xac, 0x02], '.UserReq');
    passes([0x12, 0x08, 0, 0, 0x80, 0x3f, 0, 0, 0, 0x40], '.Node');
    refused([0x12, 0x05, 0, 0, 0x80, 0x3f, 0], '.Node', '.Node field 2: packed values cut off');
    refused([0x0a, 0x02, 0x01, 0x80], '.UserReq', '.UserReq field 1 at byte 3: varint runs past the end of its message');
  });

  test('a length longer than what is left is refused at once: 7 bytes cannot claim 4 GiB', { timeout: 5_000 }, () => {
    refused([0x0a, ...FOUR_GIB, 0x41], '.helloworld.HelloRequest', '.helloworld.HelloRequest field 1 at byte 1: a field of 4294967295 bytes runs past the end of its message (byte 7)');
    refused([0x0a, ...FOUR_GIB, 0x08, 0x01], '.routeguide.Rectangle', '.routeguide.Rectangle field 1 at byte 1: a field of 4294967295 bytes runs past the end of its message (byte 8)');
    // The same claim one level down, inside a field that fits its parent.
    refused([0x0a, 0x07, 0x0a, ...FOUR_GIB, 0x41], '.GraphData', '.Node field 1 at byte 3: a field of 4294967295 bytes runs past the end of its message (byte 9)');
  });

  test('a known field with the wrong wire type is refused', () => {
    refused([0x08, 0x05], '.helloworld.HelloRequest', '.helloworld.HelloRequest field 1: sent with wire type 0, but its type is written with wire type 2');
    refused([0x0d, 1, 2, 3, 4], '.AddRequest', '.AddRequest field 1: sent with wire type 5, but its type is written with wire type 0');
    refused([0x0a, 0x01, 0x01], '.AddRequest', '.AddRequest field 1: sent with wire type 2, but its type is written with wire type 0');
  });

  test('broken varints, tags and wire types are refused', () => {
    refused([0x08, ...Array(10).fill(0xff), 0x01], '.AddRequest', '.AddRequest field 1 at byte 1: varint overflows 64 bits');
    refused([0x08, ...Array(9).fill(0xff), 0x02], '.AddRequest', '.AddRequest field 1 at byte 1: varint overflows 64 bits');
    passes([0x08, ...Array(9).fill(0xff), 0x01], '.AddRequest'); // -1: negative int32s take all ten bytes
    refused([0x80], '.AddRequest', '.AddRequest at byte 0: varint runs past the end of its message');
    refused([0x00, 0x01], '.AddRequest', '.AddRequest at byte 0: field number 0 does not exist');
    refused([0x0e], '.AddRequest', '.AddRequest at byte 0: wire type 6 does not exist');
    refused([0x0c], '.AddRequest', '.AddRequest field 1: an end-group with no matching start');
    refused([0x1b, 0x08, 0x01], '.AddRequest', 'group 3 has no end');
  });

  test('strings must be UTF-8', () => {
    refused([0x0a, 0x02, 0xc3, 0x28], '.helloworld.HelloRequest', '.helloworld.HelloRequest field 1: a string that is not UTF-8');
    passes([0x0a, 0x02, 0xc3, 0xa8], '.helloworld.HelloRequest');
  });

  test(`nesting deeper than ${MAX_DEPTH} is refused without exhausting the stack`, () => {
    const depth = 100_000;
    const groups = [...Array(depth).fill(0x1b), ...Array(depth).fill(0x1c)]; // field 3, start group / end group
    refused(groups, '.AddRequest', `nested more than ${MAX_DEPTH} deep`);
    passes([...Array(MAX_DEPTH).fill(0x1b), ...Array(MAX_DEPTH).fill(0x1c)], '.AddRequest');
  });
});

describe('withWireChecks checks every request before decoding it', () => {
  test('a 7-byte request claiming 4 GiB gets INTERNAL at once, and the server keeps serving', { timeout: 10_000 }, async () => {
    const server = await startServer((s) =>
      s.addService(withWireChecks(helloworld.UnimplementedGreeterService.definition), {
        SayHello: unaryHandler((request: helloworld.HelloRequest) => new helloworld.HelloReply({ message: `Hello, ${request.name}` })),
        SayHelloAgain: unaryHandler(() => new helloworld.HelloReply()),
      }),
    );
    const client = new grpc.Client(server.address, grpc.credentials.createInsecure());
    const send = (bytes: number[]) =>
      new Promise<{ error: grpc.ServiceError | null; reply?: Buffer }>((resolve) => {
        const same = (buffer: Buffer) => buffer;
        client.makeUnaryRequest('/helloworld.Greeter/SayHello', same, same, Buffer.from(bytes), { deadline: Date.now() + 5_000 }, (error, reply) =>
          resolve({ error, reply }),
        );
      });
    try {
      const hostile = await send([0x0a, ...FOUR_GIB, 0x41]);
      assert.equal(hostile.error?.code, grpc.status.INTERNAL);
      assert.equal(hostile.error?.details, 'Error deserializing request');
      const greeting = await send([0x0a, 0x02, 0x41, 0x64]);
      assert.equal(greeting.error, null);
      assert.equal(helloworld.HelloReply.deserialize(greeting.reply!).message, 'Hello, Ad');
    } finally {
      client.close();
      await server.stop();
    }
  });
});

test('withWireChecks: one message throws, a streamed one becomes an UndecodableMessage, services outside protos/ only lose the throw', () => {
  const hostile = Buffer.from([0x0a, ...FOUR_GIB, 0x41]);
  const greeter = withWireChecks(helloworld.UnimplementedGreeterService.definition);
  assert.throws(() => greeter.SayHello.requestDeserialize(hostile), WireFormatError);
  const chat = withWireChecks(routeguide.UnimplementedRouteGuideService.definition).RouteChat;
  const malformed = chat.requestDeserialize(hostile);
  assert.ok(malformed instanceof UndecodableMessage);
  assert.equal(malformed.reason, '.routeguide.RouteNote field 1 at byte 1: a field of 4294967295 bytes runs past the end of its message (byte 7)');
  const throwing = (bytes: Buffer): never => {
    throw new Error(`cannot read ${bytes.length} bytes`);
  };
  const outside = withWireChecks({ Talk: { ...chat, path: '/elsewhere.Elsewhere/Talk', requestDeserialize: throwing } });
  assert.deepEqual(outside.Talk.requestDeserialize(hostile), new UndecodableMessage('cannot read 7 bytes'));
  const unary = withWireChecks({ Ask: { ...greeter.SayHello, path: '/elsewhere.Elsewhere/Ask', requestDeserialize: throwing } });
  assert.equal(unary.Ask.requestDeserialize, throwing);
});
