// What RecordRoute adds up, one point at a time: points, features passed (each
// point that is at a feature counts, so a feature visited twice counts twice,
// as in the official examples), and great-circle metres between consecutive
// points. The original Python tutorial starts its feature count at 1, so every
// summary it sends is one feature too many; ours starts at 0.
import { status } from '@grpc/grpc-js';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { RpcError } from '../../shared/rpc-error.ts';
import { checkPoint, type PointLike } from './coordinates.ts';
import type { FeatureMap } from './feature-map.ts';
import { distanceMetres } from './haversine.ts';

/** RouteSummary's fields are int32. */
const INT32_MAX = 2 ** 31 - 1;

export class RouteRecorder {
  #points = 0;
  #features = 0;
  #metres = 0;
  #previous: PointLike | undefined;

  constructor(private readonly features: FeatureMap) {}

  /** Adds the next point of the route, or refuses it (and it counts for nothing). */
  add(point: PointLike): void {
    const what = `point ${this.#points + 1}`;
    checkPoint(point, what);
    const metres = this.#previous ? this.#metres + distanceMetres(this.#previous, point) : 0;
    if (metres > INT32_MAX) {
      // About 107 hops between antipodes: no real route, but int32 must not wrap.
      throw new RpcError(
        status.OUT_OF_RANGE,
        `${what}: the route is now ${Math.trunc(metres)} m long, more than RouteSummary.distance holds (int32, at most ${INT32_MAX} m)`,
      );
    }
    this.#points++;
    if (this.features.at(point)) this.#features++;
    this.#metres = metres;
    this.#previous = point;
  }

  /** The summary so far; metres are truncated to whole metres, as the official servers do. */
  summary(elapsedSeconds: number): routeguide.RouteSummary {
    return new routeguide.RouteSummary({
      point_count: this.#points,
      feature_count: this.#features,
      distance: Math.trunc(this.#metres),
      elapsed_time: elapsedSeconds,
    });
  }
}
