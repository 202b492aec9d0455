// Chapter 02, server half: the Greeter (static stubs) until Ctrl-C.
import { runServerHalf } from '../shared/chapter.ts';
import { addStaticGreeter } from './static-greeter.ts';
import { SERVER_OPTIONS } from '../shared/server-options.ts';

await runServerHalf({
  name: 'Greeter',
  usage: `Usage: npx tsx chapters/02-unary-hello/server.ts [--port 50051]

Serves helloworld.Greeter (SayHello, SayHelloAgain) on localhost until Ctrl-C,
then lets in-flight calls finish and stops. --port 0 picks a free port.
In another terminal: npx tsx chapters/02-unary-hello/client.ts --addr localhost:50051`,
  addServices: addStaticGreeter,
  // Limits and interceptors every workbook server passes; lesson 08 explains each.
  serverOptions: SERVER_OPTIONS,
});
