// RouteGuide as a Connect service, over chapter 04's features, checks and
// arithmetic. A server stream is an async generator (each `yield` is one
// message); a client stream is an async iterable of requests. Cancellation
// arrives as `context.signal`: when the page presses Stop, the signal aborts
// and the generator is ended at its next `yield`.
import { EventEmitter } from 'node:events';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { Code, ConnectError, type HandlerContext, type ServiceImpl } from '@connectrpc/connect';
import { FeatureSchema, RouteGuide, RouteNoteSchema, RouteSummarySchema, type Feature, type Rectangle } from '../../generated/es/route_guide_pb.ts';
import { routeguide } from '../../generated/static/route_guide.ts';
import { checkPoint } from '../04-route-guide-streaming/model/coordinates.ts';
import type { FeatureRecord } from '../04-route-guide-streaming/model/feature-file.ts';
import { FeatureMap } from '../04-route-guide-streaming/model/feature-map.ts';
import { NoteStore } from '../04-route-guide-streaming/model/note-store.ts';
import { boundsOfCorners, contains } from '../04-route-guide-streaming/model/rectangle.ts';
import { RouteRecorder } from '../04-route-guide-streaming/model/route-recorder.ts';
import { toConnectError } from './connect-errors.ts';

/** How one ListFeatures call ended, as the server saw it. */
export interface ListFeaturesEnd {
  sent: number;
  matching: number;
  /** True when the client went away (Stop in the page) before the last feature. */
  cancelled: boolean;
}

export type RouteGuideEvents = { listFeaturesEnded: [end: ListFeaturesEnd] };

export interface ConnectRouteGuideOptions {
  /** A pause before each feature, so that a reader can watch the stream arrive and press Stop. */
  featureIntervalMs?: number;
}

export interface ConnectRouteGuide {
  readonly service: ServiceImpl<typeof RouteGuide>;
  readonly events: EventEmitter<RouteGuideEvents>;
}

export function connectRouteGuide(records: readonly FeatureRecord[], { featureIntervalMs = 0 }: ConnectRouteGuideOptions = {}): ConnectRouteGuide {
  const features = new FeatureMap(records);
  const notes = new NoteStore();
  const events = new EventEmitter<RouteGuideEvents>();

  async function* listFeatures(rectangle: Rectangle, context: HandlerContext): AsyncGenerator<Feature> {
    let bounds;
    try {
      bounds = boundsOfCorners(rectangle.lo, rectangle.hi);
    } catch (error) {
      throw toConnectError(error);
    }
    const matching = records.filter((record) => contains(bounds, record.location));
    let sent = 0;
    try {
      for (const { name, location } of matching) {
        if (featureIntervalMs > 0) await pause(featureIntervalMs, context.signal);
        if (context.signal.aborted) break;
        yield create(FeatureSchema, { name, location });
        sent++;
      }
    } finally {
      // Runs on every way out: the last feature sent, or the client cancelled.
      events.emit('listFeaturesEnded', { sent, matching: matching.length, cancelled: sent < matching.length });
    }
  }

  const service: ServiceImpl<typeof RouteGuide> = {
    getFeature(point) {
      try {
        checkPoint(point, 'point');
      } catch (error) {
        throw toConnectError(error);
      }
      return { name: features.at(point)?.name ?? '', location: point };
    },
    listFeatures,
    async recordRoute(points, context) {
      const started = Date.now();
      const route = new RouteRecorder(features);
      try {
        for await (const point of points) route.add(point);
      } catch (error) {
        throw toConnectError(error);
      }
      if (context.signal.aborted) throw new ConnectError('the client went away', Code.Canceled);
      const summary = route.summary(Math.floor((Date.now() - started) / 1000));
      return create(RouteSummarySchema, {
        pointCount: summary.point_count,
        featureCount: summary.feature_count,
        distance: summary.distance,
        elapsedTime: summary.elapsed_time,
      });
    },
    async *routeChat(incoming) {
      let received = 0;
      for await (const note of incoming) {
        const what = `note ${++received}`;
        if (!note.location) throw new ConnectError(`${what}: location is missing`, Code.InvalidArgument);
        let earlier: routeguide.RouteNote[];
        try {
          checkPoint(note.location, `${what}: location`);
          // The store was written for chapter 04's google-protobuf classes. Both
          // runtimes speak the same wire format, so bytes are the bridge.
          earlier = notes.add(routeguide.RouteNote.deserializeBinary(toBinary(RouteNoteSchema, note)), what);
        } catch (error) {
          throw toConnectError(error);
        }
        for (const reply of earlier) yield fromBinary(RouteNoteSchema, reply.serializeBinary());
      }
    },
  };
  return { service, events };
}

/** Waits `ms`, or less if `signal` aborts first. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
