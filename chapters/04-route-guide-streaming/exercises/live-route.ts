// Exercise 04-B: a client stream fed as you go.
//
// Implement recordLive(client, feed, timeoutMs). `feed` is an async iterable
// of points, like a GPS that yields a point whenever the device moves. Stream
// each point to RecordRoute as it arrives (respect backpressure:
// writeWithBackpressure in chapters/shared/streams.ts), and when the feed
// ends, half-close and resolve with the RouteSummary. The call's deadline is
// `timeoutMs` from the start.
//   - If the feed throws, cancel the call and reject with the feed's error.
//     (Half-closing instead would make the server answer with a summary of
//     half a route, as if it were the whole.)
//   - If the server ends the call early (it refuses a point), stop pulling
//     points from the feed and reject with the server's ServiceError.
//
// The version below waits for the whole feed before it calls the server.
//
// Check your work: npm run exercises -- 04
import type { routeguide } from '../../../generated/static/route_guide.ts';
import { recordRoute } from '../route-guide-client.ts';

export async function recordLive(
  client: routeguide.RouteGuideClient,
  feed: AsyncIterable<routeguide.Point>,
  timeoutMs: number,
): Promise<routeguide.RouteSummary> {
  // TODO: open the call first, then write each point as the feed yields it.
  const points: routeguide.Point[] = [];
  for await (const point of feed) points.push(point);
  return recordRoute(client, points, { deadline: new Date(Date.now() + timeoutMs) });
}
