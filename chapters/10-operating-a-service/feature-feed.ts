// A deliberately slow routeguide.RouteGuide.ListFeatures over a handful of
// landmarks: one feature every `intervalMs`, like a scan of a large table, so
// that a stream is still running when the server is told to stop or when the
// connection under it dies. (Chapter 04 implements the whole RouteGuide; this
// chapter needs only one stream.) The other three methods answer UNIMPLEMENTED.
import { setTimeout as sleep } from 'node:timers/promises';
import { status, type handleServerStreamingCall, type Server } from '@grpc/grpc-js';
import { routeguide } from '../../generated/static/route_guide.ts';
import type { SomeHandlers } from '../shared/handlers.ts';
import { RpcError, toServerError } from '../shared/rpc-error.ts';
import { withWireChecks } from '../shared/wire-check.ts';

const { Feature, Point, UnimplementedRouteGuideService } = routeguide;

/** Degrees to the E7 integers RouteGuide uses. */
function place(name: string, latitude: number, longitude: number): routeguide.Feature {
  return new Feature({ name, location: new Point({ latitude: Math.round(latitude * 1e7), longitude: Math.round(longitude * 1e7) }) });
}

export const LANDMARKS: readonly routeguide.Feature[] = [
  place('Acropolis, Athens', 37.9715, 23.7257),
  place('Sagrada Família, Barcelona', 41.4036, 2.1744),
  place('Colosseum, Rome', 41.8902, 12.4922),
  place('Eiffel Tower, Paris', 48.8584, 2.2945),
  place('Atomium, Brussels', 50.8949, 4.3415),
  place('Big Ben, London', 51.5007, -0.1246),
  place('Brandenburg Gate, Berlin', 52.5163, 13.3777),
  place('The Little Mermaid, Copenhagen', 55.6929, 12.5993),
];

/** A rectangle around all of LANDMARKS. */
export const EUROPE = new routeguide.Rectangle({
  lo: new Point({ latitude: 35e7, longitude: -10e7 }),
  hi: new Point({ latitude: 60e7, longitude: 30e7 }),
});

function inside(rectangle: routeguide.Rectangle, { latitude, longitude }: routeguide.Point): boolean {
  // Either corner may be the "lo" one, so compare against the min and max.
  const { lo, hi } = rectangle;
  return (
    latitude >= Math.min(lo.latitude, hi.latitude) &&
    latitude <= Math.max(lo.latitude, hi.latitude) &&
    longitude >= Math.min(lo.longitude, hi.longitude) &&
    longitude <= Math.max(lo.longitude, hi.longitude)
  );
}

export interface FeatureFeedOptions {
  /** The pause before each feature after the first. */
  intervalMs: number;
  /** Told how many features had gone out when a stream was cancelled. */
  onCancelled?: (sent: number) => void;
}

export function listFeaturesSlowly({ intervalMs, onCancelled }: FeatureFeedOptions): handleServerStreamingCall<routeguide.Rectangle, routeguide.Feature> {
  return async (call) => {
    // 'cancelled' means nobody is listening any more: the client gave up, its
    // deadline passed, the connection died, or the server's grace ran out.
    const gone = new AbortController();
    call.on('cancelled', () => gone.abort());
    let sent = 0;
    try {
      if (!call.request.has_lo || !call.request.has_hi) {
        throw new RpcError(status.INVALID_ARGUMENT, 'a rectangle needs both corners, lo and hi');
      }
      for (const feature of LANDMARKS.filter((landmark) => inside(call.request, landmark.location))) {
        if (sent > 0) await sleep(intervalMs, undefined, { signal: gone.signal });
        call.write(feature);
        sent++;
      }
      call.end();
    } catch (error) {
      if (gone.signal.aborted) onCancelled?.(sent);
      else call.emit('error', toServerError(error));
    }
  };
}

export function addFeatureFeed(server: Server, options: FeatureFeedOptions): void {
  // Only ListFeatures: grpc-js answers UNIMPLEMENTED for the methods left out.
  server.addService(withWireChecks(UnimplementedRouteGuideService.definition), {
    ListFeatures: listFeaturesSlowly(options),
  } satisfies SomeHandlers<routeguide.UnimplementedRouteGuideService>);
}
