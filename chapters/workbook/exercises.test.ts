// The workbook checks its own exercises: each exercise test must pass against
// the reference solution and fail against the untouched starter, so that no
// exercise can be "solved" without doing the work.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { EXERCISE_TARGET_VARIABLE } from '../shared/exercise.ts';
import { runNode } from '../shared/testing.ts';
import { chapterFolders, REPO_ROOT } from '../shared/repo-files.ts';
import { exerciseTestFiles } from './test-files.ts';

/** node --test in a child process, so the exercise's own results stay out of ours. */
function runExerciseTest(file: string, target: 'starter' | 'solution') {
  // NODE_TEST_CONTEXT marks a process the test runner started; a nested runner
  // that inherits it reports to us instead of running, so it must not see it.
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  return runNode(['--test', '--test-reporter=tap', file], {
    timeoutMs: 60_000,
    env: { ...env, [EXERCISE_TARGET_VARIABLE]: target },
  });
}

test('every chapter has at least two exercises', () => {
  for (const chapter of chapterFolders()) {
    assert.ok(exerciseTestFiles(chapter.slice(0, 2)).length >= 2, `${chapter} needs at least two exercises`);
  }
});

for (const file of exerciseTestFiles()) {
  const starter = join(dirname(file), basename(file).replace('.test.ts', '.ts'));
  const solution = join(dirname(file), 'solutions', basename(starter));

  describe(file, () => {
    test('has a starter with a TODO and a reference solution', () => {
      assert.match(readFileSync(join(REPO_ROOT, starter), 'utf8'), /TODO/);
      assert.ok(existsSync(join(REPO_ROOT, solution)), `${solution} is missing`);
    });

    test('passes against the reference solution', async () => {
      const result = await runExerciseTest(file, 'solution');
      assert.equal(result.code, 0, result.stdout + result.stderr);
    });

    test('fails against the untouched starter', async () => {
      const result = await runExerciseTest(file, 'starter');
      assert.notEqual(result.code, 0, 'the starter already passes: this test checks nothing');
      assert.match(result.stdout, /^# fail [1-9]/m);
    });
  });
}
