// Chapter 08, server half: the front server (the paced RouteGuide and the
// relay Greeter), with its back end beside it, until Ctrl-C. It prints what
// each server saw of every call, so that two terminals show both sides.
import { runServerHalf } from '../shared/chapter.ts';
import { addFrontServices, PACE, startBackend, type Backend } from './chapter-servers.ts';
import { pacedRouteGuide } from './paced-route-guide.ts';
import { SERVER_OPTIONS } from '../shared/server-options.ts';

const guide = pacedRouteGuide(PACE);
guide.events.on('stopped', ({ method, ending, elapsedMs, received, sent, workAfterCancel }) => {
  console.log(`RouteGuide.${method}: ${ending} after ${elapsedMs} ms; received ${received}, sent ${sent}; ${workAfterCancel} steps of work after a cancel`);
});
let backend: Backend | undefined;

await runServerHalf({
  name: 'RouteGuide (paced) and Greeter (relay)',
  usage: `Usage: npx tsx chapters/08-when-calls-go-wrong/server.ts [--port 50051]

Serves a RouteGuide that takes its time (${PACE.lookupMs} ms per lookup, ${PACE.stepMs} ms per
streamed message) and a Greeter that relays to a slow back end, which it starts
on a free loopback port of its own. Prints how each call ended on the server.
Ctrl-C stops both. In another terminal:
  npx tsx chapters/08-when-calls-go-wrong/client.ts --addr localhost:50051`,
  async prepare() {
    backend = await startBackend();
    backend.slow.events.on('stopped', ({ deadlineMs, ending, elapsedMs }) => {
      console.log(`back end: arrived with ${deadlineMs} ms to its deadline; ${ending} after ${elapsedMs} ms`);
    });
    console.log(`back end started at ${backend.running.address}`);
    return {};
  },
  addServices: (server) => {
    if (!backend) throw new Error('the back end starts first');
    addFrontServices(server, guide, backend.client);
  },
  // The limits and interceptors of every workbook server (this chapter's lesson, "Bounded under abuse").
  serverOptions: SERVER_OPTIONS,
});
await backend?.stop();
