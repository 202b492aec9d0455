// What a learner sees of an exercise's run: one line per test, and under a
// failure its first message in plain words and the line it points at, theirs
// if the stack passes through their file. No node_modules or node: frames, no
// suite lines repeating their tests' failures.
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../shared/repo-files.ts';
import type { Exercise } from './exercise-manifest.ts';
import type { TestResult } from './test-results.ts';

export interface ExerciseRun {
  exercise: Exercise;
  typeErrors: string[];
  results: TestResult[];
}

const MAX_MESSAGE_LINES = 12;

/** The tests that ran (suites and skipped tests aside). */
const testsOf = (run: ExerciseRun) => run.results.filter((result) => !result.suite && !result.skipped);

export function hasPassed(run: ExerciseRun): boolean {
  const tests = testsOf(run);
  return run.typeErrors.length === 0 && tests.length > 0 && tests.every((result) => result.passed);
}

/** "file:line" of every stack frame, as paths from the repository root. */
function frames(stack: string): string[] {
  return [...stack.matchAll(/^\s+at (?:.*?\()?((?:file:\/\/)?\/[^():]+):(\d+):\d+\)?$/gm)].map(([, path, line]) => {
    const absolute = path.startsWith('file://') ? fileURLToPath(path) : path;
    return `${isAbsolute(absolute) ? relative(REPO_ROOT, absolute) : absolute}:${line}`;
  });
}

/** Where a failure points: the learner's own line if the stack passes through it, else the test's line. */
function location(result: TestResult, exercise: Exercise): string | undefined {
  const stack = frames(result.stack ?? '');
  const theirs = stack.find((frame) => frame.startsWith(`${exercise.starter}:`));
  if (theirs) return `${theirs} (your code)`;
  const tests = stack.find((frame) => frame.startsWith(`${exercise.test}:`));
  return tests ? `${tests} (the test)` : undefined;
}

/** The first thing the failure says, in plain words: an assertion's message (and diff), a call's status, an error's name. */
function plainMessage(result: TestResult): string[] {
  const message = (result.message ?? 'failed').trim();
  const lines = message.split('\n').filter((line) => line.trim() !== '' && line.trim() !== '+ actual - expected');
  if (/^\d+ [A-Z_]+: /.test(message)) return [`a call failed: ${lines[0]}`];
  const errorName = /^(\w*Error)\b/.exec(result.stack ?? '')?.[1];
  if (errorName && errorName !== 'AssertionError' && errorName !== 'Error') lines[0] = `${errorName}: ${lines[0]}`;
  if (lines.length > MAX_MESSAGE_LINES) return [...lines.slice(0, MAX_MESSAGE_LINES), `… (${lines.length - MAX_MESSAGE_LINES} more lines)`];
  return lines;
}

/** The report, line by line. */
export function reportLines(run: ExerciseRun): string[] {
  const { exercise } = run;
  const lines = [`${exercise.id}: ${exercise.title} (${exercise.starter})`];
  if (run.typeErrors.length > 0) {
    lines.push('  ✖ type check');
    for (const error of run.typeErrors) lines.push(`      ${error}`);
  }
  const tests = testsOf(run);
  for (const result of tests) {
    lines.push(`  ${result.passed ? '✔' : '✖'} ${result.name}`);
    if (result.passed) continue;
    for (const line of plainMessage(result)) lines.push(`      ${line}`);
    const where = location(result, exercise);
    if (where) lines.push(`      at ${where}`);
  }
  if (tests.length === 0) lines.push('  ✖ no test ran: the test file did not load (see the type check above, or run node --test on it)');
  const failed = tests.filter((result) => !result.passed).length + (run.typeErrors.length > 0 ? 1 : 0);
  lines.push(hasPassed(run) ? `  ${tests.length} of ${tests.length} passed: done` : `  ${failed} failing`);
  return lines;
}
