// Matrix tables for the servers of chapters 02 and 03, started as their tours
// and tests start them.
import { status } from '@grpc/grpc-js';
import { AddRequest, MultiplyRequest, ResultReply, UnimplementedCalService } from '../../../../generated/static/calculator.ts';
import { compute } from '../../../../generated/static/compute.ts';
import { helloworld } from '../../../../generated/static/hello.ts';
import { UnimplementedMyServiceService, UserReq } from '../../../../generated/static/users.ts';
import { addDynamicGreeter } from '../../../02-unary-hello/dynamic-greeter.ts';
import { addStaticGreeter } from '../../../02-unary-hello/static-greeter.ts';
import { addChapter03Services } from '../../../03-calculator-and-users/services.ts';
import { SERVER_OPTIONS } from '../../../shared/server-options.ts';
import { startServer } from '../../../shared/server.ts';
import { lengthField, varint, varintField } from '../hostile-bytes.ts';
import type { MatrixServer, MethodRow } from '../matrix.ts';

const bytes = (message: { serialize(): Uint8Array }) => Buffer.from(message.serialize());
const { OK, INVALID_ARGUMENT, INTERNAL, OUT_OF_RANGE, NOT_FOUND } = status;

const greeter = helloworld.UnimplementedGreeterService.definition;
const greeterRows: MethodRow[] = [greeter.SayHello, greeter.SayHelloAgain].map((method) => ({
  method,
  valid: bytes(new helloworld.HelloRequest({ name: 'World' })),
  // No name is "name must not be empty", however many unknown fields come with it.
  answers: { empty: INVALID_ARGUMENT, unknownFields: INVALID_ARGUMENT, bigUnknownField: INVALID_ARGUMENT, hugeString: OK },
  extra: [
    { name: 'a lone UTF-16 surrogate, written as UTF-8 anyway', bytes: lengthField(1, Buffer.from([0xed, 0xa0, 0x80])), expect: INTERNAL },
    { name: 'a name of one NUL character', bytes: lengthField(1, Buffer.from([0x00])), expect: OK },
    { name: 'the name field twice: the last one wins', bytes: Buffer.concat([lengthField(1, Buffer.from('Ada')), lengthField(1, Buffer.from(''))]), expect: INVALID_ARGUMENT },
  ],
}));

const greeterFollowUp = {
  method: greeter.SayHello,
  request: bytes(new helloworld.HelloRequest({ name: 'World' })),
  reply: bytes(new helloworld.HelloReply({ message: 'Hello, World' })),
};

export const greeterServers: MatrixServer[] = [
  { name: '02 Greeter (static stubs)', start: () => startServer(addStaticGreeter, { serverOptions: SERVER_OPTIONS }), rows: greeterRows, followUp: greeterFollowUp },
  { name: '02 Greeter (proto-loader)', start: () => startServer(addDynamicGreeter, { serverOptions: SERVER_OPTIONS }), rows: greeterRows, followUp: greeterFollowUp },
];

const cal = UnimplementedCalService.definition;
const calRows: MethodRow[] = [
  [cal.Add, bytes(new AddRequest({ number1: 3, number2: 4 }))] as const,
  [cal.Multiply, bytes(new MultiplyRequest({ number1: 6, number2: 7 }))] as const,
].map(([method, valid]) => ({
  method,
  valid,
  // Zeros are fine numbers; 2^64 - 1 in an int32 field reads as -1.
  answers: { empty: OK, unknownFields: OK, bigUnknownField: OK, biggestVarint: OK },
  extra: [
    // 2^31 does not fit in int32; protobuf keeps the low 32 bits: -2147483648.
    { name: 'number1 = 2^31, sent as an unsigned varint', bytes: Buffer.concat([varintField(1, 2 ** 31), varintField(2, 2 ** 31)]), expect: OUT_OF_RANGE },
    { name: 'number1 written twice: the last one wins', bytes: Buffer.concat([varintField(1, 5), varintField(1, 2 ** 31 - 1), varintField(2, 2 ** 31 - 1)]), expect: OUT_OF_RANGE },
  ],
}));

const computeRow: MethodRow = {
  method: compute.UnimplementedComputeService.definition.SayHello,
  valid: bytes(new compute.HelloRequest({ helloworld: '123456' })),
  answers: { empty: OK, unknownFields: OK, bigUnknownField: OK, hugeString: OK },
};

const users = UnimplementedMyServiceService.definition;
const userRows: MethodRow[] = [
  { method: users.Health, valid: Buffer.alloc(0), answers: { empty: OK, unknownFields: OK, bigUnknownField: OK } },
  {
    method: users.User,
    valid: bytes(new UserReq({ userIDs: [1, 2] })),
    // No ids is an empty answer; -1 is not an id.
    answers: { empty: OK, unknownFields: OK, bigUnknownField: OK, biggestVarint: INVALID_ARGUMENT },
    extra: [
      // The protobuf spec says a parser must read repeated numbers packed or
      // not. The static stubs' code (protoc-gen-ts 0.8.7) reads only the packed
      // form, which is what proto3 libraries write; one by one is refused.
      { name: 'ids one by one instead of packed', bytes: Buffer.concat([varintField(1, 1), varintField(1, 2)]), expect: INTERNAL },
      { name: 'packed and unpacked ids mixed', bytes: Buffer.concat([lengthField(1, Buffer.from([1, 2])), varintField(1, 9)]), expect: INTERNAL },
      { name: '101 ids, one over the limit', bytes: lengthField(1, Buffer.alloc(101, 1)), expect: INVALID_ARGUMENT },
      { name: '1,000,000 ids in a 1 MB message', bytes: lengthField(1, Buffer.alloc(1_000_000, 1)), expect: INVALID_ARGUMENT },
      { name: 'id 2^32 + 1 (an int64 value): its low 32 bits are 1', bytes: lengthField(1, varint(2 ** 32 + 1)), expect: OK },
      { name: 'ids 7 and 9, which nobody has', bytes: lengthField(1, Buffer.from([7, 9])), expect: NOT_FOUND },
    ],
  },
];

export const chapter03Server: MatrixServer = {
  name: '03 Cal, Compute and MyService',
  start: () => startServer(addChapter03Services, { serverOptions: SERVER_OPTIONS }),
  rows: [...calRows, computeRow, ...userRows],
  followUp: {
    method: cal.Add,
    request: bytes(new AddRequest({ number1: 3, number2: 4 })),
    reply: bytes(new ResultReply({ number: 7 })),
  },
};
