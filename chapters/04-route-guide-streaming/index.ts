// Chapter 04: RouteGuide, the four call shapes on one service, and what a
// streaming server owes its clients: backpressure, cancellation, limits.
import { routeguide } from '../../generated/static/route_guide.ts';
import { runTour } from '../shared/chapter.ts';
import type { SomeHandlers } from '../shared/handlers.ts';
import { startServer } from '../shared/server.ts';
import type { Transcript } from '../shared/transcript.ts';
import { carelessListFeatures } from './tour/careless-list-features.ts';
import { DEFAULT_FEATURE_FILE, loadFeatureFile } from './model/feature-file.ts';
import { makeFeatures } from './tools/feature-generator.ts';
import { addRouteGuide, createRouteGuide, type RouteGuide } from './route-guide.ts';
import { showStreamControl } from './tour/stream-control.ts';
import { walkThrough } from './tour/walkthrough.ts';
import { withWireChecks } from '../shared/wire-check.ts';
import { SERVER_OPTIONS } from '../shared/server-options.ts';

async function tour(t: Transcript): Promise<string> {
  const main = createRouteGuide(loadFeatureFile(DEFAULT_FEATURE_FILE));
  const big = createRouteGuide(makeFeatures(2_000, 5));
  const tiny = createRouteGuide([], { maxNotes: 2 });
  let carelessMostBuffered: number | undefined;
  const serve = (guide: RouteGuide) => startServer((server) => addRouteGuide(server, guide), { serverOptions: SERVER_OPTIONS });
  const [mainServer, bigServer, tinyServer, carelessServer] = await Promise.all([
    serve(main),
    serve(big),
    serve(tiny),
    // Only ListFeatures; grpc-js answers the other methods with UNIMPLEMENTED.
    startServer((server) =>
      server.addService(withWireChecks(routeguide.UnimplementedRouteGuideService.definition), {
        ListFeatures: carelessListFeatures(big.features, (most) => (carelessMostBuffered = most)),
      } satisfies SomeHandlers<routeguide.UnimplementedRouteGuideService>),
      { serverOptions: SERVER_OPTIONS },
    ),
  ]);
  const servers = [mainServer, bigServer, tinyServer, carelessServer];
  try {
    t.step(`RouteGuide on ${mainServer.address}, with the ${main.features.all.length} features of features.json`);
    const { featuresListed, route, chatReplies, refused } = await walkThrough(mainServer.address, t);
    const { slow, report, carelessBuffered, cancelled, noteLimitStatus } = await showStreamControl(t, {
      big: { address: bigServer.address, guide: big },
      careless: { address: carelessServer.address, mostBuffered: () => carelessMostBuffered },
      tiny: { address: tinyServer.address, guide: tiny },
    });
    return (
      `04 route guide streaming: ${featuresListed} features listed; a route of ${route.point_count} points, ` +
      `${route.feature_count} features, ${route.distance?.toLocaleString('en-US')} m; ${chatReplies} chat replies; ` +
      `${slow.received.toLocaleString('en-US')} features ${slow.inOrder ? 'in order' : 'OUT OF ORDER'} to a slow reader, ` +
      `≤ ${report.mostBuffered} buffered (careless: ${carelessBuffered?.toLocaleString('en-US')}); ` +
      `cancel ${cancelled.report.completed ? 'did NOT stop' : 'stopped'} the server's loop; refused ${[...refused, noteLimitStatus].join(', ')}`
    );
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

await runTour('Chapter 04 · RouteGuide: unary, server streaming, client streaming, bidirectional', tour);
