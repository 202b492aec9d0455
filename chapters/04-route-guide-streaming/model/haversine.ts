// Great-circle distance between two E7 points, by the haversine formula on a
// sphere of radius 6,371,000 m: the formula and radius of the official
// RouteGuide examples, so our RecordRoute sums the same metres theirs do.
import { E7, type PointLike } from './coordinates.ts';

export const EARTH_RADIUS_M = 6_371_000;

const radians = (e7: number) => ((e7 / E7) * Math.PI) / 180;

export function distanceMetres(from: PointLike, to: PointLike): number {
  const lat1 = radians(from.latitude);
  const lat2 = radians(to.latitude);
  const dLat = lat2 - lat1;
  const dLon = radians(to.longitude) - radians(from.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}
