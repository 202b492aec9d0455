// The Greeter with the static stubs from generated/static: message classes
// (HelloRequest, HelloReply) and a service definition, made ahead of time by
// `npm run generate`.
import type { Server } from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';
import { unaryHandler } from '../shared/handlers.ts';
import { greetingFor } from './greeting.ts';
import { withWireChecks } from '../shared/wire-check.ts';

const { HelloReply, UnimplementedGreeterService } = helloworld;

export const staticGreeterHandlers: helloworld.UnimplementedGreeterService = {
  SayHello: unaryHandler((request) => new HelloReply({ message: greetingFor(request.name, 'first') })),
  SayHelloAgain: unaryHandler((request) => new HelloReply({ message: greetingFor(request.name, 'again') })),
};

export function addStaticGreeter(server: Server): void {
  // withWireChecks: each request's bytes are checked before they are decoded (lesson 08).
  server.addService(withWireChecks(UnimplementedGreeterService.definition), staticGreeterHandlers);
}
