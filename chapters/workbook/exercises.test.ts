// The workbook checks its own exercises: each exercise test must fail against
// the committed starter, pass against the reference solution and fail against
// every near-miss, so that no exercise can be "solved" without doing the work
// and no requirement a starter states goes unchecked. The learner's own
// starter files never take part (see exercise-check.ts).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chapterFolders, REPO_ROOT } from '../shared/repo-files.ts';
import { committedStarters, runRound, tally, type RoundResults } from './exercise-check.ts';
import { EXERCISES } from './exercise-manifest.ts';
import { exerciseTestFiles } from './test-files.ts';

/** The .ts files of an exercise folder, its solutions/ and near-misses/, from the repository root. */
function exerciseFilesIn(folder: string): string[] {
  return ['', 'solutions', 'near-misses'].flatMap((sub) => {
    const dir = join(REPO_ROOT, folder, sub);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => relative(REPO_ROOT, join(dir, entry.name)));
  });
}

test('every chapter has at least two exercises', () => {
  for (const chapter of chapterFolders()) {
    assert.ok(EXERCISES.filter((exercise) => exercise.chapter === chapter).length >= 2, `${chapter} needs at least two exercises`);
  }
});

test('the manifest lists every exercise file, and every file it lists exists', () => {
  const listed = new Set(EXERCISES.flatMap((exercise) => [exercise.starter, exercise.test, exercise.solution, ...exercise.nearMissFiles]));
  for (const path of listed) assert.ok(existsSync(join(REPO_ROOT, path)), `${path} is in the manifest but not on disk`);
  const folders = new Set(exerciseTestFiles().map((file) => join(file, '..')));
  for (const path of [...folders].flatMap(exerciseFilesIn)) {
    assert.ok(listed.has(path), `${path} is not in chapters/workbook/exercise-manifest.ts`);
  }
  assert.equal(new Set(EXERCISES.map((exercise) => exercise.id)).size, EXERCISES.length, 'exercise ids are unique');
});

test('every exercise has a near-miss that names the requirement it drops', () => {
  for (const exercise of EXERCISES) {
    assert.ok(exercise.nearMisses.length >= 1, `${exercise.id} needs a near-miss`);
  }
});

describe('every exercise test, against committed code only', () => {
  let starters: { root: string; results: RoundResults } | { skipped: string };
  let solutions: RoundResults;
  let nearMisses: RoundResults[];
  const copy = committedStarters(EXERCISES);
  after(() => ('skipped' in copy ? undefined : copy.remove()));

  // One runner per round, one round after the other (each runs several files
  // at a time): starters, solutions, each exercise's first near-miss, its second, ...
  before(async () => {
    starters = 'skipped' in copy ? copy : { root: copy.root, results: await runRound(copy.root, EXERCISES) };
    solutions = await runRound(REPO_ROOT, EXERCISES, (exercise) => exercise.solution);
    const rounds = Math.max(...EXERCISES.map((exercise) => exercise.nearMissFiles.length));
    nearMisses = [];
    for (let round = 0; round < rounds; round++) {
      const inRound = EXERCISES.filter((exercise) => exercise.nearMissFiles[round]);
      nearMisses.push(await runRound(REPO_ROOT, inRound, (exercise) => exercise.nearMissFiles[round]));
    }
  });

  for (const exercise of EXERCISES) {
    describe(exercise.id, () => {
      test('passes against the reference solution', () => {
        const { ran, failed } = tally(solutions.get(join(REPO_ROOT, exercise.test)));
        assert.ok(ran > 0, 'no test ran');
        assert.deepEqual(failed.map((result) => `${result.name}: ${result.message}`), []);
      });

      test('the committed starter has a TODO and fails', (t) => {
        if ('skipped' in starters) return t.skip(starters.skipped);
        assert.match(readFileSync(join(starters.root, exercise.starter), 'utf8'), /TODO/);
        const { ran, failed } = tally(starters.results.get(join(starters.root, exercise.test)));
        assert.ok(ran > 0, 'no test ran');
        assert.ok(failed.length > 0, 'the starter already passes: this test checks nothing');
      });

      exercise.nearMisses.forEach((nearMiss, round) => {
        test(`fails against the near-miss that ${nearMiss.drops}`, () => {
          const { ran, failed } = tally(nearMisses[round].get(join(REPO_ROOT, exercise.test)));
          assert.ok(ran > 0, 'no test ran');
          assert.ok(failed.length > 0, `${exercise.nearMissFiles[round]} passes: the test does not check that requirement`);
        });
      });
    });
  }
});
