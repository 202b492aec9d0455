// `npm start`: the workbook tour. Runs every chapter's index.ts in order, each
// in its own process exactly as `npx tsx chapters/NN-slug` would, then prints
// one summary line per chapter.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { SUMMARY_MARK } from '../shared/chapter.ts';
import { chapterFolders, REPO_ROOT } from '../shared/repo-files.ts';

const summaries: string[] = [];
let failed = 0;
for (const chapter of chapterFolders()) {
  const child = spawn(process.execPath, ['--import', 'tsx', join('chapters', chapter)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    process.stdout.write(chunk);
  });
  const [code] = (await once(child, 'close')) as [number | null];
  process.stdout.write('\n');
  const summary = output.split('\n').findLast((line) => line.startsWith(`${SUMMARY_MARK} `));
  if (code === 0 && summary) {
    summaries.push(summary);
  } else {
    failed++;
    summaries.push(`✖ ${chapter}: exited with ${code}`);
  }
}

console.log(`Workbook tour: ${summaries.length - failed} of ${summaries.length} chapters ran`);
for (const line of summaries) console.log(line);
process.exitCode = failed === 0 ? 0 : 1;
