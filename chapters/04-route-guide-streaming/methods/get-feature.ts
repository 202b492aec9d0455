// GetFeature, the unary call: the feature at a point. "Nothing here" is not an
// error in RouteGuide: the answer is a Feature with an empty name at the point
// asked about. Every official client relies on that convention (it prints
// "Found no feature at …" when the name is empty), so NOT_FOUND would break
// them. Only a point that is not on Earth is refused.
import type { handleUnaryCall } from '@grpc/grpc-js';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { unaryHandler } from '../../shared/handlers.ts';
import { checkPoint } from '../model/coordinates.ts';
import type { FeatureMap } from '../model/feature-map.ts';

export function getFeatureHandler(features: FeatureMap): handleUnaryCall<routeguide.Point, routeguide.Feature> {
  return unaryHandler((point) => {
    checkPoint(point, 'point');
    return features.at(point) ?? new routeguide.Feature({ name: '', location: point });
  });
}
