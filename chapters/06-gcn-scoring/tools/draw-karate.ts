// npx tsx chapters/06-gcn-scoring/tools/draw-karate.ts: trains the karate-club GCN
// and redraws docs/images/06-karate-club.svg, the lesson's picture. The
// chapter's tests check that the committed picture is what this draws.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { drawKarateClub, KARATE_PICTURE } from '../tour/karate-picture.ts';

mkdirSync(dirname(KARATE_PICTURE), { recursive: true });
writeFileSync(KARATE_PICTURE, drawKarateClub());
console.log(`wrote ${KARATE_PICTURE}`);
