// `npm start`: the workbook tour. Runs every chapter's index.ts in order, as
// `npx tsx chapters/NN-slug` would, then prints one summary line per chapter.
// The chapters share this one process: each tour stops what it started, and
// thirteen start-ups of tsx, grpc-js and protobuf.js would cost more than
// some of the tours themselves.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SUMMARY_MARK, tourOutcomes } from '../shared/chapter.ts';
import { describeError } from '../shared/client.ts';
import { chapterFolders, REPO_ROOT } from '../shared/repo-files.ts';

const lines: string[] = [];
let failed = 0;
for (const chapter of chapterFolders()) {
  const before = tourOutcomes().length;
  try {
    await import(pathToFileURL(join(REPO_ROOT, 'chapters', chapter, 'index.ts')).href);
  } catch (error) {
    console.error(`✖ ${chapter}: ${describeError(error)}`);
  }
  console.log('');
  const outcome = tourOutcomes()[before];
  if (outcome && 'summary' in outcome) {
    lines.push(`${SUMMARY_MARK} ${outcome.summary}`);
  } else {
    failed++;
    lines.push(`✖ ${chapter}: ${outcome ? outcome.failure : 'its tour did not run'}`);
  }
}

console.log(`Workbook tour: ${lines.length - failed} of ${lines.length} chapters ran`);
for (const line of lines) console.log(line);
process.exitCode = failed === 0 ? 0 : 1;
