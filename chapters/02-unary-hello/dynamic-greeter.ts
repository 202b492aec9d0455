// The same Greeter with @grpc/proto-loader: protos/hello.proto is read when
// the program starts, and messages are plain objects. The types come from
// generated/proto-loader, so the compiler still checks every field.
import type { Server } from '@grpc/grpc-js';
import type { ProtoGrpcType as HelloProto } from '../../generated/proto-loader/hello.ts';
import type { GreeterHandlers } from '../../generated/proto-loader/helloworld/Greeter.ts';
import { unaryHandler } from '../shared/handlers.ts';
import { loadProto } from '../shared/proto-loader.ts';
import { greetingFor } from './greeting.ts';
import { withWireChecks } from '../shared/wire-check.ts';

export const helloProto = loadProto<HelloProto>('hello.proto');

export const dynamicGreeterHandlers: GreeterHandlers = {
  SayHello: unaryHandler((request) => ({ message: greetingFor(request.name, 'first') })),
  SayHelloAgain: unaryHandler((request) => ({ message: greetingFor(request.name, 'again') })),
};

export function addDynamicGreeter(server: Server): void {
  // withWireChecks: each request's bytes are checked before they are decoded (lesson 08).
  server.addService(withWireChecks(helloProto.helloworld.Greeter.service), dynamicGreeterHandlers);
}

export const DynamicGreeterClient = helloProto.helloworld.Greeter;
