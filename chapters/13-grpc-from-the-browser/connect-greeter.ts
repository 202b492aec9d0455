// The Greeter as a Connect service: one object of async methods, typed by the
// protobuf-es service descriptor. The greeting itself is chapter 02's, so the
// grpc-js Greeter and this one cannot drift apart.
import type { ServiceImpl } from '@connectrpc/connect';
import { Greeter } from '../../generated/es/hello_pb.ts';
import { greetingFor } from '../02-unary-hello/greeting.ts';
import { orConnectError } from './connect-errors.ts';

export const connectGreeter: ServiceImpl<typeof Greeter> = {
  // A plain object is enough for the reply: Connect fills in the message type.
  sayHello: (request) => orConnectError(() => ({ message: greetingFor(request.name, 'first') })),
  sayHelloAgain: (request) => orConnectError(() => ({ message: greetingFor(request.name, 'again') })),
};
