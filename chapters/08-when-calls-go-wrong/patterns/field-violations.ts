// Everything that is wrong with a request, field by field. A client that gets
// every violation at once fixes its request in one go, instead of meeting the
// problems one call at a time. The limits are chapter 04's: E7 coordinates.
import type { routeguide } from '../../../generated/static/route_guide.ts';
import { MAX_LATITUDE_E7, MAX_LONGITUDE_E7 } from '../../04-route-guide-streaming/model/coordinates.ts';
import type { FieldViolation } from '../../shared/rich-error.ts';

/**
 * What is wrong with a point; [] if it is a place on Earth. `prefix` is the
 * path to the point in the request: "lo." for a rectangle's corner, "" when
 * the request is the point itself.
 */
export function pointViolations(point: routeguide.Point, prefix = ''): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (Math.abs(point.latitude) > MAX_LATITUDE_E7) {
    violations.push({ field: `${prefix}latitude`, description: `must be within ±${MAX_LATITUDE_E7} (±90° in E7), got ${point.latitude}` });
  }
  if (Math.abs(point.longitude) > MAX_LONGITUDE_E7) {
    violations.push({ field: `${prefix}longitude`, description: `must be within ±${MAX_LONGITUDE_E7} (±180° in E7), got ${point.longitude}` });
  }
  return violations;
}

/** What is wrong with a rectangle: each corner must be present and on Earth. */
export function rectangleViolations(rectangle: routeguide.Rectangle): FieldViolation[] {
  const corner = (present: boolean, point: routeguide.Point, name: string) =>
    present ? pointViolations(point, `${name}.`) : [{ field: name, description: 'is missing: a rectangle needs two corners' }];
  return [...corner(rectangle.has_lo, rectangle.lo, 'lo'), ...corner(rectangle.has_hi, rectangle.hi, 'hi')];
}
