// The arithmetic under RouteGuide: E7 points, the haversine distance, the
// rectangle, and the route summary, without a server.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { checkPoint, E7, inDegrees, pointProblem } from '../model/coordinates.ts';
import { FeatureMap } from '../model/feature-map.ts';
import { distanceMetres } from '../model/haversine.ts';
import { boundsOf, contains } from '../model/rectangle.ts';
import { RouteRecorder } from '../model/route-recorder.ts';

const { Point, Rectangle } = routeguide;
const at = (latitudeDegrees: number, longitudeDegrees: number) => ({ latitude: latitudeDegrees * E7, longitude: longitudeDegrees * E7 });

describe('points', () => {
  test('every latitude within ±90° and longitude within ±180° is on Earth, edges included', () => {
    for (const point of [at(0, 0), at(90, 180), at(-90, -180), at(41.8472723, -74.3339083)]) {
      assert.equal(pointProblem(point), undefined);
    }
  });

  test('anything else is INVALID_ARGUMENT naming the value and the limit', () => {
    assert.equal(pointProblem({ latitude: 900_000_001, longitude: 0 }), 'latitude 900000001 is outside ±900000000 (±90° in E7)');
    assert.equal(pointProblem({ latitude: 0, longitude: -1_800_000_001 }), 'longitude -1800000001 is outside ±1800000000 (±180° in E7)');
    assert.equal(pointProblem({ latitude: 0.5, longitude: 0 }), 'latitude 0.5 is outside ±900000000 (±90° in E7)');
    assert.throws(() => checkPoint({ latitude: 2_147_483_647, longitude: 0 }, 'point 7'), {
      code: status.INVALID_ARGUMENT,
      details: 'point 7: latitude 2147483647 is outside ±900000000 (±90° in E7)',
    });
  });

  test('are shown in degrees for people', () => {
    assert.equal(inDegrees({ latitude: 418_472_723, longitude: -743_339_083 }), '41.8472723, -74.3339083');
  });
});

describe('haversine distance', () => {
  test('one degree along a meridian is 111,194.93 m on a 6,371 km sphere', () => {
    assert.equal(distanceMetres(at(0, 0), at(1, 0)).toFixed(2), '111194.93');
    assert.equal(distanceMetres(at(41, 20), at(40, 20)).toFixed(2), '111194.93');
  });

  test('half the equator is π × 6,371,000 m; a point to itself is 0', () => {
    assert.equal(distanceMetres(at(0, 0), at(0, 180)).toFixed(2), (Math.PI * 6_371_000).toFixed(2));
    assert.equal(distanceMetres(at(41, -74), at(41, -74)), 0);
  });

  test('a degree of longitude shrinks away from the equator', () => {
    assert.equal(Math.trunc(distanceMetres(at(1, 0), at(1, 1))), 111177);
    assert.equal(Math.trunc(distanceMetres(at(60, 0), at(60, 1))), 55596);
  });
});

describe('rectangles', () => {
  const corners = (lo: ReturnType<typeof at>, hi: ReturnType<typeof at>) => new Rectangle({ lo: new Point(lo), hi: new Point(hi) });

  test('any two opposite corners, in either order, give the same bounds', () => {
    const bounds = { south: 40 * E7, north: 42 * E7, west: -75 * E7, east: -73 * E7 };
    assert.deepEqual(boundsOf(corners(at(40, -75), at(42, -73))), bounds);
    assert.deepEqual(boundsOf(corners(at(42, -73), at(40, -75))), bounds);
    assert.deepEqual(boundsOf(corners(at(40, -73), at(42, -75))), bounds);
    assert.deepEqual(boundsOf(corners(at(42, -75), at(40, -73))), bounds);
  });

  test('edges and corners are inside; one E7 step beyond is outside', () => {
    const bounds = boundsOf(corners(at(40, -75), at(42, -73)));
    assert.equal(contains(bounds, at(40, -75)), true);
    assert.equal(contains(bounds, at(42, -74)), true);
    assert.equal(contains(bounds, { latitude: 42 * E7 + 1, longitude: -74 * E7 }), false);
    assert.equal(contains(bounds, { latitude: 41 * E7, longitude: -73 * E7 + 1 }), false);
  });

  test('a missing corner or one off the Earth is INVALID_ARGUMENT', () => {
    assert.throws(() => boundsOf(new Rectangle({ hi: new Point(at(1, 1)) })), {
      code: status.INVALID_ARGUMENT,
      details: 'rectangle.lo is missing: a rectangle needs two corners',
    });
    assert.throws(() => boundsOf(new Rectangle({ lo: new Point(at(1, 1)) })), { details: 'rectangle.hi is missing: a rectangle needs two corners' });
    assert.throws(() => boundsOf(corners(at(0, 0), { latitude: 0, longitude: 1_900_000_000 })), {
      code: status.INVALID_ARGUMENT,
      details: 'rectangle.hi: longitude 1900000000 is outside ±1800000000 (±180° in E7)',
    });
  });
});

describe('RouteRecorder', () => {
  const features = new FeatureMap([
    { name: 'Null Island', location: at(0, 0) },
    { name: 'One North', location: at(1, 0) },
    { name: 'North-east', location: at(1, 1) },
  ]);

  test('a square route: 5 points, 4 of them at features, 444,762 m', () => {
    const route = new RouteRecorder(features);
    for (const point of [at(0, 0), at(1, 0), at(1, 1), at(0, 1), at(0, 0)]) route.add(point);
    // Null Island counts twice: feature_count counts points at features, as
    // the official servers do. The original Python tutorial would say 5.
    assert.deepEqual(route.summary(7).toObject(), { point_count: 5, feature_count: 4, distance: 444_762, elapsed_time: 7 });
  });

  test('no points is a route of zero everything', () => {
    assert.deepEqual(new RouteRecorder(features).summary(0).toObject(), { point_count: 0, feature_count: 0, distance: 0, elapsed_time: 0 });
  });

  test('a point off the Earth is refused by its position in the route, and counts for nothing', () => {
    const route = new RouteRecorder(features);
    route.add(at(0, 0));
    assert.throws(() => route.add({ latitude: -950_000_000, longitude: 0 }), {
      code: status.INVALID_ARGUMENT,
      details: 'point 2: latitude -950000000 is outside ±900000000 (±90° in E7)',
    });
    assert.equal(route.summary(0).point_count, 1);
  });

  test('a distance that int32 cannot hold is OUT_OF_RANGE, not wrapped', () => {
    const route = new RouteRecorder(features);
    // Antipodes are 20,015,086.8 m apart: 107 hops fit in int32, 108 do not.
    for (let i = 0; i < 108; i++) route.add(i % 2 === 0 ? at(0, 0) : at(0, 180));
    assert.equal(route.summary(0).distance, 2_141_614_287);
    assert.throws(() => route.add(at(0, 0)), {
      code: status.OUT_OF_RANGE,
      details: 'point 109: the route is now 2161629373 m long, more than RouteSummary.distance holds (int32, at most 2147483647 m)',
    });
  });
});
