// ListFeatures, server streaming: one request, then a Feature message per
// feature inside the rectangle, then the status. Two duties come with a stream
// that the unary call did not have:
//   - backpressure: write() returns false once the call's buffer is full (the
//     client reads slower than we write); we wait for 'drain' instead of
//     buffering the whole answer in memory;
//   - cancellation: if the client cancels or its deadline passes, the loop
//     stops instead of producing features nobody will read.
import { EventEmitter } from 'node:events';
import type { handleServerStreamingCall } from '@grpc/grpc-js';
import type { routeguide } from '../../../generated/static/route_guide.ts';
import { toServerError } from '../../shared/rpc-error.ts';
import { writeWithBackpressure } from '../../shared/streams.ts';
import type { FeatureMap } from '../model/feature-map.ts';
import { boundsOf, contains, type Bounds } from '../model/rectangle.ts';

/** How one ListFeatures call went, as the server saw it. */
export interface ListFeaturesReport {
  /** Features inside the rectangle. */
  matching: number;
  /** Features written whose write() let the loop go on: all of them when completed. */
  sent: number;
  /** How many times write() returned false and the loop waited for 'drain'. */
  drainWaits: number;
  /** The most features that sat in the call's buffer at once: what backpressure bounds. */
  mostBuffered: number;
  /** True when every matching feature was sent; false when the client went away first. */
  completed: boolean;
}

export type ListFeaturesEvents = {
  /** write() returned false for the feature after the first `sent`: the loop waits for 'drain'. */
  paused: [sent: number];
  /** The loop is over, with every feature sent or because the call ended first. */
  ended: [report: ListFeaturesReport];
};

export function listFeaturesHandler(
  features: FeatureMap,
  events = new EventEmitter<ListFeaturesEvents>(),
): handleServerStreamingCall<routeguide.Rectangle, routeguide.Feature> {
  return async (call) => {
    let bounds: Bounds;
    try {
      bounds = boundsOf(call.request);
    } catch (error) {
      // A streaming call ends with an error status by emitting 'error' on it.
      call.emit('error', toServerError(error));
      return;
    }
    const matching = features.all.filter((feature) => contains(bounds, feature.location));
    let sent = 0;
    let drainWaits = 0;
    let mostBuffered = 0;
    const measure = () => (mostBuffered = Math.max(mostBuffered, call.writableLength));
    const onWait = () => {
      measure();
      drainWaits++;
      events.emit('paused', sent);
    };
    for (const feature of matching) {
      // false: the call was cancelled (or its deadline passed) while we waited.
      if (!(await writeWithBackpressure(call, feature, onWait))) break;
      sent++;
      measure();
    }
    const completed = sent === matching.length;
    if (completed) call.end(); // status OK, after the buffered features
    events.emit('ended', { matching: matching.length, sent, drainWaits, mostBuffered, completed });
  };
}
