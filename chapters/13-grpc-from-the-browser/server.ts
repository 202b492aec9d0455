// Chapter 13, server half: Greeter and RouteGuide from connect-node, on two
// listeners, until Ctrl-C.
import { parseCommandLine, orExitWithUsage, parsePort } from '../shared/cli.ts';
import { describeError } from '../shared/client.ts';
import { untilStopSignal } from '../shared/server.ts';
import { startWebServer, type RunningWebServer } from './web-server.ts';

const usage = `Usage: npx tsx chapters/13-grpc-from-the-browser/server.ts [--port 50051] [--web-port 8080]

Serves helloworld.Greeter and routeguide.RouteGuide with connect-node, in the
gRPC, gRPC-Web and Connect protocols, on localhost until Ctrl-C:
  --port      cleartext HTTP/2, for grpc-js, Python and curl --http2-prior-knowledge
  --web-port  HTTP/1.1, for the page (open it in a browser) and curl without flags
0 picks a free port. In another terminal:
  npx tsx chapters/13-grpc-from-the-browser/client.ts --addr localhost:50051`;

const values = parseCommandLine(usage, {
  port: { type: 'string', default: '50051' },
  'web-port': { type: 'string', default: '8080' },
});
const { port, webPort } = orExitWithUsage(usage, () => ({ port: parsePort(values.port), webPort: parsePort(values['web-port'], '--web-port') }));

let server: RunningWebServer;
try {
  // A pause between streamed features, so that you can watch them arrive and press Stop.
  server = await startWebServer({ host: 'localhost', port, webPort, featureIntervalMs: 100 });
} catch (error) {
  console.error(`could not listen on localhost:${port} and localhost:${webPort}: ${describeError(error)} (try --port 0 --web-port 0)`);
  process.exit(1);
}
console.log(`Greeter and RouteGuide (connect-node) listening on ${server.grpcAddress} (HTTP/2: gRPC, gRPC-Web, Connect)`);
console.log(`the page: ${server.pageUrl} (HTTP/1.1: open it in a browser) (Ctrl-C to stop)`);
server.routeGuide.events.on('listFeaturesEnded', ({ sent, matching, cancelled }) =>
  console.log(`ListFeatures ${cancelled ? `cancelled by the client after ${sent} of ${matching}` : `sent all ${matching}`} features`),
);
const signal = await untilStopSignal();
console.log(`${signal}: finishing in-flight calls, then stopping`);
await server.stop();
console.log('stopped');
