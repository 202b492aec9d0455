// The client side of the four call shapes, as promises. Each call carries a
// deadline; a streaming call's deadline covers the whole stream, not each
// message.
import { credentials, type CallOptions } from '@grpc/grpc-js';
import { routeguide } from '../../generated/static/route_guide.ts';
import { callUnary, deadlineIn } from '../shared/client.ts';
import { collect, writeWithBackpressure } from '../shared/streams.ts';

/** The most features listFeatures() keeps: a server cannot make us hold more. */
export const MAX_LISTED_FEATURES = 10_000;
/** The most notes routeChat() keeps, for the same reason. */
export const MAX_CHAT_REPLIES = 10_000;

export function openRouteGuide(address: string): routeguide.RouteGuideClient {
  // Plaintext is fine on loopback; chapter 09 adds TLS.
  return new routeguide.RouteGuideClient(address, credentials.createInsecure());
}

/** Unary: the feature at `point` (one with an empty name if there is none). */
export function getFeature(
  client: routeguide.RouteGuideClient,
  point: routeguide.Point,
  options: CallOptions = { deadline: deadlineIn() },
): Promise<routeguide.Feature> {
  return callUnary(client.GetFeature, point, options);
}

/** Server streaming: every feature in the rectangle, in the server's order. */
export function listFeatures(
  client: routeguide.RouteGuideClient,
  rectangle: routeguide.Rectangle,
  options: CallOptions = { deadline: deadlineIn() },
  limit = MAX_LISTED_FEATURES,
): Promise<routeguide.Feature[]> {
  return collect(client.ListFeatures(rectangle, options), limit);
}

/** Client streaming: streams `points` to RecordRoute, half-closes, and resolves with the summary. */
export async function recordRoute(
  client: routeguide.RouteGuideClient,
  points: Iterable<routeguide.Point>,
  options: CallOptions = { deadline: deadlineIn() },
): Promise<routeguide.RouteSummary> {
  let call!: ReturnType<routeguide.RouteGuideClient['RecordRoute']>;
  const summary = new Promise<routeguide.RouteSummary>((resolve, reject) => {
    call = client.RecordRoute(options, (error, reply) => (error || !reply ? reject(error) : resolve(reply)));
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

/**
 * Bidirectional streaming: sends `notes` to RouteChat, half-closes, and
 * resolves with every note the server sent back, in order.
 */
export async function routeChat(
  client: routeguide.RouteGuideClient,
  notes: Iterable<routeguide.RouteNote>,
  options: CallOptions = { deadline: deadlineIn() },
  limit = MAX_CHAT_REPLIES,
): Promise<routeguide.RouteNote[]> {
  const call = client.RouteChat(options);
  // Read from the start: replies can arrive while we are still writing.
  const replies = collect(call, limit);
  replies.catch(() => {}); // handled when returned below, as in recordRoute
  for (const note of notes) {
    if (!(await writeWithBackpressure(call, note))) break; // the call is over: stop sending
  }
  call.end(); // half-close: no more notes from us; replies may still come
  return replies;
}
