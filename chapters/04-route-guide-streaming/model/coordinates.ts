// RouteGuide's coordinates are "E7" integers: degrees × 10^7, rounded, in
// int32. That is about 1 cm of resolution and fits any latitude or longitude
// (±1,800,000,000 < 2^31). But int32 also holds values no place on Earth has,
// so every Point that arrives is checked before it is used.
import { status } from '@grpc/grpc-js';
import { RpcError } from '../../shared/rpc-error.ts';

export const E7 = 10_000_000;
export const MAX_LATITUDE_E7 = 90 * E7;
export const MAX_LONGITUDE_E7 = 180 * E7;

export interface PointLike {
  latitude: number;
  longitude: number;
}

/** Why `point` is not a place on Earth, or undefined if it is one. */
export function pointProblem({ latitude, longitude }: PointLike): string | undefined {
  if (!Number.isInteger(latitude) || Math.abs(latitude) > MAX_LATITUDE_E7) {
    return `latitude ${latitude} is outside ±${MAX_LATITUDE_E7} (±90° in E7)`;
  }
  if (!Number.isInteger(longitude) || Math.abs(longitude) > MAX_LONGITUDE_E7) {
    return `longitude ${longitude} is outside ±${MAX_LONGITUDE_E7} (±180° in E7)`;
  }
  return undefined;
}

/** Refuses a point that is not on Earth with INVALID_ARGUMENT; `what` says which point ("point 3"). */
export function checkPoint(point: PointLike, what: string): void {
  const problem = pointProblem(point);
  if (problem) throw new RpcError(status.INVALID_ARGUMENT, `${what}: ${problem}`);
}

/** A Map key for a location: two points are the same place when both integers are equal. */
export function locationKey({ latitude, longitude }: PointLike): string {
  return `${latitude},${longitude}`;
}

/** "40.7484405, -73.9856644" for people; the wire carries the integers. */
export function inDegrees({ latitude, longitude }: PointLike): string {
  return `${(latitude / E7).toFixed(7)}, ${(longitude / E7).toFixed(7)}`;
}
