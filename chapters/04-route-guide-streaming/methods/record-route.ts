// RecordRoute, client streaming: the client sends points until it half-closes
// (its side of the stream ends: 'end' here), then we answer once. The answer
// can also come early: the first bad point ends the call with its status,
// however many points the client still meant to send.
import type { handleClientStreamingCall } from '@grpc/grpc-js';
import type { routeguide } from '../../../generated/static/route_guide.ts';
import { toServerError } from '../../shared/rpc-error.ts';
import { messagesOf } from '../../shared/streams.ts';
import type { FeatureMap } from '../model/feature-map.ts';
import { RouteRecorder } from '../model/route-recorder.ts';

/** `now` (milliseconds) is read when the call starts and when the route ends; tests pass a fake clock. */
export function recordRouteHandler(
  features: FeatureMap,
  now: () => number = Date.now,
): handleClientStreamingCall<routeguide.Point, routeguide.RouteSummary> {
  return async (call, callback) => {
    const started = now();
    const route = new RouteRecorder(features);
    try {
      for await (const point of messagesOf(call)) route.add(point);
    } catch (error) {
      // A call cancelled while we wait (its deadline passed) ends the loop with
      // an error too; nobody is left to tell.
      if (!call.cancelled) callback(toServerError(error));
      return;
    }
    // No points at all is a route too: zero of everything, not an error.
    callback(null, route.summary(Math.floor((now() - started) / 1000)));
  };
}
