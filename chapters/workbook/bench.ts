// `npm run bench`: the workbook's speed targets, measured, never asserted in
// tests. Times each chapter as a learner starts it (npx tsx chapters/NN-slug,
// tsx start-up included) and the whole `npm test`, then runs every chapter's
// own bench.ts, if it has one. Pass --skip-tests to leave out `npm test`
// (three runs of it, about six minutes on two cores).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chapterFolders, REPO_ROOT } from '../shared/repo-files.ts';
import { loadAverage, median } from '../shared/measure.ts';

const CHAPTER_TARGET_MS = 2_000;
const TEST_SUITE_TARGET_MS = 120_000;
const RUNS_PER_CHAPTER = 5;
const TEST_SUITE_RUNS = 3;
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function timeCommand(command: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'ignore', timeout: 300_000 });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  return elapsed;
}


let overTarget = 0;
console.log(`Chapter tours, ${RUNS_PER_CHAPTER} runs each of npx tsx chapters/NN-slug (target: median < ${CHAPTER_TARGET_MS} ms wall), load ${loadAverage()}:`);
for (const chapter of chapterFolders()) {
  const runs = Array.from({ length: RUNS_PER_CHAPTER }, () => timeCommand(npx, ['tsx', join('chapters', chapter)]));
  const middle = median(runs);
  if (middle >= CHAPTER_TARGET_MS) overTarget++;
  console.log(`  ${chapter.padEnd(32)} median ${middle.toFixed(0).padStart(5)} ms   max ${Math.max(...runs).toFixed(0).padStart(5)} ms${middle >= CHAPTER_TARGET_MS ? '   OVER TARGET' : ''}`);
}

if (!process.argv.includes('--skip-tests')) {
  const runs = Array.from({ length: TEST_SUITE_RUNS }, () => timeCommand(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['test']));
  const middle = median(runs);
  if (middle >= TEST_SUITE_TARGET_MS) overTarget++;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `npm test, ${TEST_SUITE_RUNS} runs: median ${seconds(middle)} wall (${runs.map(seconds).join(', ')}; target < ${TEST_SUITE_TARGET_MS / 1000} s)` +
      `, load ${loadAverage()}${middle >= TEST_SUITE_TARGET_MS ? '   OVER TARGET' : ''}`,
  );
}

for (const chapter of chapterFolders()) {
  const script = join('chapters', chapter, 'bench.ts');
  if (!existsSync(join(REPO_ROOT, script))) continue;
  console.log(`\n${script}:`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) overTarget++;
}

console.log(overTarget === 0 ? '\nall speed targets met' : `\n${overTarget} speed target(s) missed`);
process.exitCode = overTarget === 0 ? 0 : 1;
