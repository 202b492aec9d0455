// Chapter 03, server half: Cal, compute.Compute and MyService until Ctrl-C.
import { runServerHalf } from '../shared/chapter.ts';
import { addChapter03Services } from './services.ts';
import { SERVER_OPTIONS } from '../shared/server-options.ts';

await runServerHalf({
  name: 'Cal, compute.Compute and MyService',
  usage: `Usage: npx tsx chapters/03-calculator-and-users/server.ts [--port 50051]

Serves Cal (Add, Multiply), compute.Compute (SayHello) and MyService (Health,
User) on localhost until Ctrl-C, then lets in-flight calls finish and stops.
In another terminal: npx tsx chapters/03-calculator-and-users/client.ts --addr localhost:50051`,
  addServices: addChapter03Services,
  // Limits and interceptors every workbook server passes; lesson 08 explains each.
  serverOptions: SERVER_OPTIONS,
});
