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
import { nearMissPath, nearMissSource, runRounds, tally, workbookCopy, type Round, type RoundResults } from './exercise-check.ts';
import { EXERCISES, type Exercise } from './exercise-manifest.ts';
import { exerciseTestFiles } from './test-files.ts';

/** The .ts files of an exercise folder and its solutions/, from the repository root. */
function exerciseFilesIn(folder: string): string[] {
  return ['', 'solutions'].flatMap((sub) => {
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
  const listed = new Set(EXERCISES.flatMap((exercise) => [exercise.starter, exercise.test, exercise.solution]));
  for (const path of listed) assert.ok(existsSync(join(REPO_ROOT, path)), `${path} is in the manifest but not on disk`);
  const folders = new Set(exerciseTestFiles().map((file) => join(file, '..')));
  for (const path of [...folders].flatMap(exerciseFilesIn)) {
    assert.ok(listed.has(path), `${path} is not in chapters/workbook/exercise-manifest.ts`);
  }
  assert.equal(new Set(EXERCISES.map((exercise) => exercise.id)).size, EXERCISES.length, 'exercise ids are unique');
});

test('every exercise has a near-miss, a one-place change to its reference solution', () => {
  for (const exercise of EXERCISES) {
    assert.ok(exercise.nearMisses.length >= 1, `${exercise.id} needs a near-miss`);
    for (const nearMiss of exercise.nearMisses) assert.doesNotThrow(() => nearMissSource(exercise, nearMiss));
  }
});

describe('every exercise test, in a copy of the workbook', () => {
  const copy = workbookCopy(EXERCISES);
  after(() => copy.remove());
  let starters: RoundResults;
  let solutions: RoundResults;
  let nearMisses: RoundResults[];

  // Every round at once, in a few test hosts: starters, solutions, each
  // exercise's first near-miss, its second, ...
  before(async () => {
    const nearMissRounds = Math.max(...EXERCISES.map((exercise) => exercise.nearMisses.length));
    const rounds: Round[] = [
      { name: 'solution', exercises: EXERCISES, standInOf: (exercise) => exercise.solution },
      ...Array.from({ length: nearMissRounds }, (_, round) => ({
        name: `near-miss ${round + 1}`,
        exercises: EXERCISES.filter((exercise) => exercise.nearMisses[round]),
        standInOf: (exercise: Exercise) => nearMissPath(exercise, round),
      })),
    ];
    if (!copy.startersNotCommitted) rounds.push({ name: 'starter', exercises: EXERCISES });
    const [solutionResults, ...rest] = await runRounds(copy.root, rounds);
    solutions = solutionResults;
    nearMisses = rest.slice(0, nearMissRounds);
    starters = rest[nearMissRounds] ?? new Map();
  });

  for (const exercise of EXERCISES) {
    const testFile = join(copy.root, exercise.test);
    describe(exercise.id, () => {
      test('passes against the reference solution', () => {
        const { ran, failed } = tally(solutions.get(testFile));
        assert.ok(ran > 0, 'no test ran');
        assert.deepEqual(failed.map((result) => `${result.name}: ${result.message}`), []);
      });

      test('the committed starter has a TODO and fails', (t) => {
        if (copy.startersNotCommitted) return t.skip(copy.startersNotCommitted);
        assert.match(readFileSync(join(copy.root, exercise.starter), 'utf8'), /TODO/);
        const { ran, failed } = tally(starters.get(testFile));
        assert.ok(ran > 0, 'no test ran');
        assert.ok(failed.length > 0, 'the starter already passes: this test checks nothing');
      });

      exercise.nearMisses.forEach((nearMiss, round) => {
        test(`fails against the near-miss that ${nearMiss.drops}`, () => {
          const { ran, failed } = tally(nearMisses[round].get(testFile));
          assert.ok(ran > 0, 'no test ran');
          assert.ok(failed.length > 0, `the test passes when the solution ${nearMiss.drops}: it does not check that requirement`);
        });
      });
    });
  }
});
