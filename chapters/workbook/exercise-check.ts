// How the workbook checks its own exercises: every test must fail against its
// committed starter, pass against the reference solution and fail against
// every near-miss, all in a temporary copy of the workbook. The learner's
// starters, filled in or not, never take part, so `npm test` stays green
// while they work.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { STAND_INS_VARIABLE } from '../shared/exercise.ts';
import { REPO_ROOT } from '../shared/repo-files.ts';
import type { Exercise, NearMiss } from './exercise-manifest.ts';
import { testResults, type TestJob, type TestResult } from './test-results.ts';

/** Every test result of one round, by test file (absolute path). */
export type RoundResults = Map<string, TestResult[]>;

/** One pass over some exercises' tests, each against the stand-in `standInOf` picks (a repository path), or its starter. */
export interface Round {
  name: string;
  exercises: readonly Exercise[];
  standInOf?: (exercise: Exercise) => string | undefined;
}

/** How many test hosts run the rounds' files at once. */
const HOSTS = 3;
/** A file gets this long per round; a test that waits for its own timeouts on a loaded machine needs a few seconds of them. */
const FILE_TIMEOUT_MS = 120_000;

/**
 * Runs every round's exercise tests under `root`, all rounds at once in a few
 * test hosts: each file runs once per round, with that round's stand-in.
 */
export async function runRounds(root: string, rounds: readonly Round[]): Promise<RoundResults[]> {
  const jobs: TestJob[] = rounds.flatMap(({ name, exercises, standInOf = () => undefined }) =>
    exercises.map((exercise) => {
      const standIn = standInOf(exercise);
      const standIns = standIn ? { [join(root, exercise.starter)]: join(root, standIn) } : {};
      return {
        file: join(root, exercise.test),
        label: `${name}: ${exercise.id}`,
        env: { [STAND_INS_VARIABLE]: JSON.stringify(standIns) },
      };
    }),
  );
  const results = await testResults(jobs, { hosts: HOSTS, cwd: root, fileTimeoutMs: FILE_TIMEOUT_MS });
  return rounds.map(({ name, exercises }) => new Map(exercises.map((exercise) => [join(root, exercise.test), results.get(`${name}: ${exercise.id}`) ?? []])));
}

/** The tests of one file that ran (suites and skipped tests aside), and those that failed. */
export function tally(results: TestResult[] = []): { ran: number; failed: TestResult[] } {
  const tests = results.filter((result) => !result.suite && !result.skipped);
  return { ran: tests.length, failed: tests.filter((result) => !result.passed) };
}

/** The near-miss's source: the reference solution with its one change made. */
export function nearMissSource(exercise: Exercise, nearMiss: NearMiss): string {
  const solution = readFileSync(join(REPO_ROOT, exercise.solution), 'utf8');
  const found = solution.split(nearMiss.replace).length - 1;
  if (found !== 1) throw new Error(`${exercise.id}: the near-miss that ${nearMiss.drops} changes text found ${found} times in ${exercise.solution}, not once`);
  return solution.replace(nearMiss.replace, () => nearMiss.with);
}

/** Where a near-miss is written in the copy: beside the solution, so that its imports resolve the same. */
export const nearMissPath = (exercise: Exercise, round: number) => join(dirname(exercise.solution), `${exercise.name}.near-miss-${round + 1}.ts`);

export interface WorkbookCopy {
  root: string;
  /** Why the starters are the working files, not the committed ones; undefined when they are committed. */
  startersNotCommitted?: string;
  remove(): void;
}

/**
 * A temporary copy of the workbook's code (node_modules linked) in which every
 * starter is as committed (`git show HEAD:…`) where there is git history, and
 * every near-miss is written out.
 */
export function workbookCopy(exercises: readonly Exercise[]): WorkbookCopy {
  const root = mkdtempSync(join(tmpdir(), 'workbook-exercises-'));
  for (const entry of ['chapters', 'generated', 'protos', 'package.json', 'tsconfig.json']) {
    cpSync(join(REPO_ROOT, entry), join(root, entry), { recursive: true, filter: (path) => !path.includes('node_modules') });
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  for (const exercise of exercises) {
    exercise.nearMisses.forEach((nearMiss, round) => writeFileSync(join(root, nearMissPath(exercise, round)), nearMissSource(exercise, nearMiss)));
  }
  const remove = () => rmSync(root, { recursive: true, force: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    git('rev-parse', '--verify', 'HEAD');
  } catch {
    return { root, remove, startersNotCommitted: 'this checkout has no git history, so there are no committed starters to check' };
  }
  for (const { starter } of exercises) {
    // A starter not committed yet is a new exercise being written, not a learner's work: it stays as it is.
    const tracked = git('ls-tree', '--name-only', 'HEAD', starter).trim() !== '';
    if (tracked) writeFileSync(join(root, starter), git('show', `HEAD:${starter}`));
  }
  return { root, remove };
}
