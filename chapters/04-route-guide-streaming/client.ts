// Chapter 04, client half: the four call shapes against a running RouteGuide.
import { runClientHalf } from '../shared/chapter.ts';
import { walkThrough } from './tour/walkthrough.ts';

await runClientHalf({
  usage: `Usage: npx tsx chapters/04-route-guide-streaming/client.ts [--addr localhost:50051]

Calls GetFeature, ListFeatures, RecordRoute and RouteChat on a RouteGuide
server, including requests the server refuses on purpose. Start the server
first: npx tsx chapters/04-route-guide-streaming/server.ts
Any RouteGuide server will do, in any language. Run the client twice against
the same server: the second RouteChat hears the first's notes.
Exits 1 and prints the gRPC status if the server cannot be reached.`,
  async run(address, t) {
    const { featuresListed, route, chatReplies, refused } = await walkThrough(address, t);
    t.step(
      `${featuresListed} features listed; route: ${route.point_count} points, ${route.feature_count} features, ` +
        `${route.distance} m; ${chatReplies} chat replies; refused as intended: ${refused.join(', ')}`,
    );
  },
});
