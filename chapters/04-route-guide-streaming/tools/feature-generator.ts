// The workbook's feature database is invented, not copied: seeded random
// places with made-up names, inside the rectangle the official RouteGuide
// clients ask about (40°N to 42°N, 75°W to 73°W), so those clients find
// features here too. The same seed always gives the same file; a test checks
// that features.json is exactly what this makes.
import { seededRandom } from '../../shared/seeded-random.ts';
import { E7, locationKey } from '../model/coordinates.ts';
import type { FeatureRecord } from '../model/feature-file.ts';

export const FEATURE_SEED = 4;
export const FEATURE_COUNT = 100;
const SOUTH = 40 * E7;
const WEST = -75 * E7;
const SPAN = 2 * E7;

const FIRST_WORDS = [
  'Amber', 'Birch', 'Cedar', 'Copper', 'Crooked', 'Foggy', 'Granite', 'Heron', 'Hidden', 'Juniper', 'Lantern', 'Maple',
  'Mossy', 'Old', 'Quiet', 'Red', 'Salt', 'Silver', 'Stone', 'Sunny', 'Willow', 'Windy',
];
const SECOND_WORDS = [
  'Bridge', 'Cove', 'Crossing', 'Falls', 'Ferry', 'Gate', 'Hollow', 'Landing', 'Lighthouse', 'Meadow', 'Mill', 'Orchard',
  'Overlook', 'Pier', 'Pond', 'Quarry', 'Ridge', 'Spring', 'Tavern', 'Tower', 'Wharf',
];

/** `count` features at distinct places with names like "Heron Pond" (then "Heron Pond 2", …). */
export function makeFeatures(count = FEATURE_COUNT, seed = FEATURE_SEED): FeatureRecord[] {
  const random = seededRandom(seed);
  const pick = (words: readonly string[]) => words[Math.floor(random() * words.length)];
  const places = new Set<string>();
  const namesUsed = new Map<string, number>();
  const features: FeatureRecord[] = [];
  while (features.length < count) {
    const location = { latitude: SOUTH + Math.floor(random() * SPAN), longitude: WEST + Math.floor(random() * SPAN) };
    const baseName = `${pick(FIRST_WORDS)} ${pick(SECOND_WORDS)}`;
    const key = locationKey(location);
    if (places.has(key)) continue; // one feature per place
    places.add(key);
    const uses = (namesUsed.get(baseName) ?? 0) + 1;
    namesUsed.set(baseName, uses);
    features.push({ name: uses === 1 ? baseName : `${baseName} ${uses}`, location });
  }
  return features;
}

/** One feature per line, so a diff of the file shows which features changed. */
export function formatFeatureFile(features: readonly FeatureRecord[]): string {
  return `[\n${features.map((feature) => `  ${JSON.stringify(feature)}`).join(',\n')}\n]\n`;
}
