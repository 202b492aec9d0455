// Runs one exercise as the learner has it: its type check and its tests, side
// by side. Whether an exercise is done is always worked out this way, never
// remembered: the only state is the learner's files.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../shared/repo-files.ts';
import { EXERCISES, type Exercise } from './exercise-manifest.ts';
import { hasPassed, type ExerciseRun } from './learner-report.ts';
import { testResults } from './test-results.ts';
import { typeErrors } from './type-check.ts';

export async function runExercise(exercise: Exercise, signal?: AbortSignal): Promise<ExerciseRun> {
  const collect = async () => {
    const results = await testResults([{ file: join(REPO_ROOT, exercise.test), label: exercise.id }], { signal });
    return results.get(exercise.id) ?? [];
  };
  const [errors, results] = await Promise.all([typeErrors(exercise.test), collect()]);
  return { exercise, typeErrors: errors, results };
}

/** The starter as committed, or undefined where there is no git history to ask. */
export function committedStarter(exercise: Exercise): string | undefined {
  try {
    return execFileSync('git', ['show', `HEAD:${exercise.starter}`], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/** Whether the learner's starter is still exactly as committed (then its tests fail: the workbook's CI checks that). */
export function isUntouched(exercise: Exercise): boolean {
  return committedStarter(exercise) === readFileSync(join(REPO_ROOT, exercise.starter), 'utf8');
}

/** Whether `exercise` is done: its tests pass and it type-checks. An untouched starter is not done, without running it. */
export async function isDone(exercise: Exercise): Promise<boolean> {
  return !isUntouched(exercise) && hasPassed(await runExercise(exercise));
}

/** Done or not for every exercise, in order, two at a time (the machine may have two cores). */
export async function progress(): Promise<{ exercise: Exercise; done: boolean }[]> {
  const done = new Array<boolean>(EXERCISES.length);
  let next = 0;
  const worker = async () => {
    while (next < EXERCISES.length) {
      const index = next++;
      done[index] = await isDone(EXERCISES[index]);
    }
  };
  await Promise.all([worker(), worker()]);
  return EXERCISES.map((exercise, index) => ({ exercise, done: done[index] }));
}

/** The first exercise that is not done, checked in order; undefined when all are. */
export async function firstUnfinished(after = -1): Promise<Exercise | undefined> {
  for (const exercise of EXERCISES.slice(after + 1)) {
    if (!(await isDone(exercise))) return exercise;
  }
  return undefined;
}
