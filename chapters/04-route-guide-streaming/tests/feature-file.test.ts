import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { DEFAULT_FEATURE_FILE, FeatureFileError, loadFeatureFile, parseFeatureFile } from '../model/feature-file.ts';
import { FEATURE_COUNT, formatFeatureFile, makeFeatures } from '../tools/feature-generator.ts';

describe('features.json', () => {
  test('is exactly what make-features.ts writes (run it after changing the generator)', () => {
    assert.equal(readFileSync(DEFAULT_FEATURE_FILE, 'utf8'), formatFeatureFile(makeFeatures()));
  });

  test('holds 100 named features at distinct places inside the official clients\' rectangle', () => {
    const features = loadFeatureFile(DEFAULT_FEATURE_FILE);
    assert.equal(features.length, FEATURE_COUNT);
    assert.deepEqual(features[0], { name: 'Crooked Cove', location: { latitude: 418_472_723, longitude: -743_339_083 } });
    assert.equal(new Set(features.map((feature) => feature.name)).size, FEATURE_COUNT);
    for (const { location } of features) {
      assert.ok(location.latitude >= 400_000_000 && location.latitude <= 420_000_000);
      assert.ok(location.longitude >= -750_000_000 && location.longitude <= -730_000_000);
    }
  });

  test('the generator makes any number of distinct places, the same for the same seed', () => {
    const many = makeFeatures(20_000, 9);
    assert.equal(new Set(many.map(({ location }) => `${location.latitude},${location.longitude}`)).size, 20_000);
    assert.deepEqual(makeFeatures(50, 9), many.slice(0, 50));
    assert.notDeepEqual(makeFeatures(50, 10), many.slice(0, 50));
  });
});

describe('loading a feature file', () => {
  const parse = (text: string) => parseFeatureFile(text, 'db.json');
  const rejects = (text: string, message: string) =>
    assert.throws(() => parse(text), (error: unknown) => {
      assert.ok(error instanceof FeatureFileError);
      assert.equal(error.message, message);
      return true;
    });
  const entry = (name: unknown, latitude: unknown = 1, longitude: unknown = 2) => ({ name, location: { latitude, longitude } });

  test('a good file gives its records, in order; extra keys are ignored; [] is an empty map', () => {
    const text = JSON.stringify([entry('B', 3, 4), { ...entry('A'), note: 'ignored' }]);
    assert.deepEqual(parse(text), [entry('B', 3, 4), entry('A')]);
    assert.deepEqual(parse('[]'), []);
  });

  test('every bad entry is refused, naming its index and what is wrong with it', () => {
    rejects('{"name": "x"', 'db.json is not valid JSON: ' + jsonError('{"name": "x"'));
    rejects('{}', 'db.json must hold a JSON array of features, got an object');
    rejects('[42]', 'db.json: entry [0] must be an object {name, location: {latitude, longitude}}, got 42');
    rejects(JSON.stringify([entry('A'), entry('')]), 'db.json: entry [1] name must be a non-empty string, got ""');
    rejects(JSON.stringify([{ name: 'A' }]), 'db.json: entry [0] "A": location must be an object {latitude, longitude}, got nothing');
    rejects(JSON.stringify([entry('A', '41')]), 'db.json: entry [0] "A": latitude must be an integer (degrees × 10^7), got "41"');
    rejects(JSON.stringify([entry('A', 1, 40.5)]), 'db.json: entry [0] "A": longitude must be an integer (degrees × 10^7), got 40.5');
    rejects(JSON.stringify([entry('A', 950_000_000)]), 'db.json: entry [0] "A": latitude 950000000 is outside ±900000000 (±90° in E7)');
    rejects(
      JSON.stringify([entry('A', 10, 20), entry('B', 11, 20), entry('C', 10, 20)]),
      'db.json: entry [2] "C" is at the same place as entry [0] (0.0000010, 0.0000020); GetFeature could answer only one',
    );
  });

  test('a file that cannot be read says which and why', () => {
    assert.throws(() => loadFeatureFile('/nonexistent/features.json'), {
      name: 'FeatureFileError',
      message: /^cannot read \/nonexistent\/features\.json: ENOENT/,
    });
  });
});

function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected invalid JSON');
}
