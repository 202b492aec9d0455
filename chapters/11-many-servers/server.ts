// Chapter 11, server half: one Greeter backend until Ctrl-C. Start several.
import { runServerHalf } from '../shared/chapter.ts';
import { greeterBackend } from './backend.ts';
import { SERVER_OPTIONS } from '../shared/server-options.ts';

// In a fleet each backend has its own identity (a host or pod name); on one
// machine, the process id is the one that tells the terminals apart.
const name = `pid ${process.pid}`;

await runServerHalf({
  name: `Greeter backend "${name}"`,
  usage: `Usage: npx tsx chapters/11-many-servers/server.ts [--port 50051]

Serves one Greeter backend on localhost until Ctrl-C, then lets in-flight calls
finish and stops. It names itself ("pid 12345") in a "backend" response header,
so clients can see who answered. Start three, in three terminals:
  npx tsx chapters/11-many-servers/server.ts --port 50051
  npx tsx chapters/11-many-servers/server.ts --port 50052
  npx tsx chapters/11-many-servers/server.ts --port 50053
then: npx tsx chapters/11-many-servers/client.ts`,
  addServices: greeterBackend(name).addTo,
  // Limits and interceptors every workbook server passes; lesson 08 explains each.
  serverOptions: SERVER_OPTIONS,
});
