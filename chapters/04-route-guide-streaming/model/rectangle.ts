// ListFeatures' area. The proto calls the corners `lo` and `hi`, but nothing
// on the wire makes lo the south-west one, so we take the two corners in either
// order: any two opposite corners describe the same rectangle.
import { status } from '@grpc/grpc-js';
import type { routeguide } from '../../../generated/static/route_guide.ts';
import { RpcError } from '../../shared/rpc-error.ts';
import { checkPoint, type PointLike } from './coordinates.ts';

export interface Bounds {
  south: number;
  north: number;
  west: number;
  east: number;
}

/** The rectangle's bounds; INVALID_ARGUMENT if a corner is missing or not on Earth. */
export function boundsOf(rectangle: routeguide.Rectangle): Bounds {
  return boundsOfCorners(rectangle.has_lo ? rectangle.lo : undefined, rectangle.has_hi ? rectangle.hi : undefined);
}

/** The same, for corners from any runtime (chapter 13's protobuf-es messages); undefined is a missing corner. */
export function boundsOfCorners(lo: PointLike | undefined, hi: PointLike | undefined): Bounds {
  if (!lo || !hi) {
    throw new RpcError(status.INVALID_ARGUMENT, `rectangle.${lo ? 'hi' : 'lo'} is missing: a rectangle needs two corners`);
  }
  checkPoint(lo, 'rectangle.lo');
  checkPoint(hi, 'rectangle.hi');
  return {
    south: Math.min(lo.latitude, hi.latitude),
    north: Math.max(lo.latitude, hi.latitude),
    west: Math.min(lo.longitude, hi.longitude),
    east: Math.max(lo.longitude, hi.longitude),
  };
}

/** Edges included, as in the official examples: a feature on the border is inside. */
export function contains({ south, north, west, east }: Bounds, { latitude, longitude }: PointLike): boolean {
  return latitude >= south && latitude <= north && longitude >= west && longitude <= east;
}
