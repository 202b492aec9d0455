// The feature database on disk: a JSON array of
//   {"name": "Heron Pond", "location": {"latitude": 409146138, "longitude": -746188906}}
// the format of the official RouteGuide examples, so their files load too
// (after removing their unnamed entries, see below). The server reads the file
// once at start-up and refuses to start on a bad entry, naming it: a typo
// found at start-up costs a minute, one found by a client costs a bug report.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inDegrees, locationKey, pointProblem, type PointLike } from './coordinates.ts';

export interface FeatureRecord {
  name: string;
  location: PointLike;
}

/** The workbook's own features, made by make-features.ts. */
export const DEFAULT_FEATURE_FILE = fileURLToPath(new URL('../features.json', import.meta.url));

export class FeatureFileError extends Error {
  override name = 'FeatureFileError';
}

export function loadFeatureFile(path: string): FeatureRecord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new FeatureFileError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseFeatureFile(text, path);
}

/** Parses and checks a feature file's text; `source` names it in error messages. */
export function parseFeatureFile(text: string, source: string): FeatureRecord[] {
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch (error) {
    throw new FeatureFileError(`${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(entries)) {
    throw new FeatureFileError(`${source} must hold a JSON array of features, got ${describe(entries)}`);
  }
  const records: FeatureRecord[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry: unknown, index) => {
    const fail = (problem: string): never => {
      throw new FeatureFileError(`${source}: entry [${index}] ${problem}`);
    };
    const record = checkEntry(entry, fail);
    const key = locationKey(record.location);
    const first = seen.get(key);
    if (first !== undefined) {
      fail(`"${record.name}" is at the same place as entry [${first}] (${inDegrees(record.location)}); GetFeature could answer only one`);
    }
    seen.set(key, index);
    records.push(record);
  });
  return records;
}

function checkEntry(entry: unknown, fail: (problem: string) => never): FeatureRecord {
  if (!isObject(entry)) return fail(`must be an object {name, location: {latitude, longitude}}, got ${describe(entry)}`);
  const { name, location } = entry;
  if (typeof name !== 'string' || name === '') {
    // In RouteGuide an empty name means "no feature here": such an entry says nothing.
    return fail(`name must be a non-empty string, got ${describe(name)}`);
  }
  if (!isObject(location)) return fail(`"${name}": location must be an object {latitude, longitude}, got ${describe(location)}`);
  const { latitude, longitude } = location;
  for (const [field, value] of [['latitude', latitude], ['longitude', longitude]] as const) {
    if (!Number.isInteger(value)) return fail(`"${name}": ${field} must be an integer (degrees × 10^7), got ${describe(value)}`);
  }
  const point = { latitude: latitude as number, longitude: longitude as number };
  const problem = pointProblem(point);
  if (problem) return fail(`"${name}": ${problem}`);
  return { name, location: point };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' && value !== null ? 'an object' : JSON.stringify(value);
}
