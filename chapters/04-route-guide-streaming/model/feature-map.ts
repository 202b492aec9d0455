// The server's features, built once from checked records: in file order for
// ListFeatures, and by location for GetFeature and RecordRoute, which look up
// a point on every call.
import { routeguide } from '../../../generated/static/route_guide.ts';
import { locationKey, type PointLike } from './coordinates.ts';
import type { FeatureRecord } from './feature-file.ts';

const { Feature, Point } = routeguide;

export class FeatureMap {
  /** Every feature, in the order of the file, as ready-made messages. */
  readonly all: readonly routeguide.Feature[];
  readonly #byLocation: ReadonlyMap<string, routeguide.Feature>;

  /** `records` must be at distinct places; loadFeatureFile checks that. */
  constructor(records: readonly FeatureRecord[]) {
    this.all = records.map(({ name, location }) => new Feature({ name, location: new Point(location) }));
    this.#byLocation = new Map(this.all.map((feature) => [locationKey(feature.location), feature]));
  }

  /** The feature at exactly this point, if there is one. */
  at(point: PointLike): routeguide.Feature | undefined {
    return this.#byLocation.get(locationKey(point));
  }
}
