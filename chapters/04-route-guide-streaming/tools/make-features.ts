// npx tsx chapters/04-route-guide-streaming/tools/make-features.ts
// Rewrites features.json from the seeded generator. Run it after changing
// feature-generator.ts; chapter04's tests fail until the two agree.
import { writeFileSync } from 'node:fs';
import { DEFAULT_FEATURE_FILE } from '../model/feature-file.ts';
import { formatFeatureFile, makeFeatures } from './feature-generator.ts';

const features = makeFeatures();
writeFileSync(DEFAULT_FEATURE_FILE, formatFeatureFile(features));
console.log(`wrote ${features.length} features to ${DEFAULT_FEATURE_FILE}`);
