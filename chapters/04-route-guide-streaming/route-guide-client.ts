// The client side of the four call shapes, as promises. Each call carries a
// deadline; a streaming call's deadline covers the whole stream, not each
// message.
import { credentials, type CallOptions } from '@grpc/grpc-js';
import { routeguide } from '../../generated/static/route_guide.ts';
import { deadlineIn } from '../shared/client.ts';
import { collect, writeWithBackpressure } from '../shared/streams.ts';

/** The most features listFeatures() keeps: a server cannot make us hold more. */
export const MAX_LISTED_FEATURES = 10_000;

export function openRouteGuide(address: string): routeguide.RouteGuideClient {
  // Plaintext is fine on loopback; chapter 09 adds TLS.
  return new routeguide.RouteGuideClient(address, credentials.createInsecure());
}

/** Every feature in the rectangle, in the server's order. */
export function listFeatures(
  client: routeguide.RouteGuideClient,
  rectangle: routeguide.Rectangle,
  options: CallOptions = { deadline: deadlineIn() },
  limit = MAX_LISTED_FEATURES,
): Promise<routeguide.Feature[]> {
  return collect(client.ListFeatures(rectangle, options), limit);
}

/** Streams `points` to RecordRoute, half-closes, and resolves with the summary. */
export async function recordRoute(
  client: routeguide.RouteGuideClient,
  points: Iterable<routeguide.Point>,
  options: CallOptions = { deadline: deadlineIn() },
): Promise<routeguide.RouteSummary> {
  let call!: ReturnType<routeguide.RouteGuideClient['RecordRoute']>;
  const summary = new Promise<routeguide.RouteSummary>((resolve, reject) => {
    call = client.RecordRoute(options, (error, reply) => (error ? reject(error) : resolve(reply!)));
  });
  // The call can fail while we are still writing (the server refused a point).
  // Returned below, that failure reaches the caller; marking it handled now
  // keeps Node from reporting an unhandled rejection in the meantime.
  summary.catch(() => {});
  let callOver = false;
  call.once('status', () => (callOver = true)); // e.g. the server refused a point: stop sending
  for (const point of points) {
    if (callOver || !(await writeWithBackpressure(call, point))) break;
  }
  call.end(); // half-close: "that was the whole route"
  return summary;
}
