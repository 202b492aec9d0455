// The learner's loop, driven as a learner drives it, on a temporary copy of
// the workbook (a git repository of its own, so that "as committed" means
// something): solve exercises in their starter files and see `learn watch`
// report the pass and name the next exercise, `learn list` flip to done, and
// the workbook's own exercise check stay green.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { REPO_ROOT } from '../shared/repo-files.ts';
import { runProcess } from '../shared/testing.ts';
import { EXERCISES, type Exercise } from './exercise-manifest.ts';

// Two exercises that start no server, so that the test stays quick.
const [first, second] = EXERCISES.filter((exercise) => exercise.chapter.startsWith('01-'));
const third = EXERCISES[EXERCISES.indexOf(second) + 1];

let copy: string;
before(() => {
  copy = mkdtempSync(join(tmpdir(), 'workbook-learner-'));
  for (const entry of ['chapters', 'generated', 'protos', 'package.json', 'tsconfig.json']) {
    cpSync(join(REPO_ROOT, entry), join(copy, entry), { recursive: true, filter: (path) => !path.includes('node_modules') });
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=learner', '-c', 'user.email=learner@example.invalid', ...args], { cwd: copy, stdio: 'ignore' });
  git('init', '--quiet');
  git('add', '.');
  git('commit', '--quiet', '--no-gpg-sign', '-m', 'the workbook as downloaded');
});
after(() => rmSync(copy, { recursive: true, force: true }));

/** The reference solution as the learner would write it in the starter: one folder up, so its imports lose a "../". */
function solveInCopy(exercise: Exercise): void {
  const solution = readFileSync(join(REPO_ROOT, exercise.solution), 'utf8').replace(/from '\.\.\/(\.\.\/)/g, "from '$1");
  writeFileSync(join(copy, exercise.starter), solution);
}

// NODE_TEST_CONTEXT marks a process the test runner started; the runner inside
// learn that inherits it reports to us instead of running, so it must not see it.
const { NODE_TEST_CONTEXT: _, ...learnerEnv } = process.env;

const learn = (...args: string[]) =>
  runProcess(process.execPath, ['--import', 'tsx', join(copy, 'chapters/workbook/learn.ts'), ...args], { timeoutMs: 60_000, env: learnerEnv });

/** Resolves once the child's output matches `pattern`; rejects naming the pattern after `timeoutMs`. */
function outputMatching(output: () => string, pattern: RegExp, timeoutMs: number, onData: (listener: () => void) => () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!pattern.test(output())) return;
      stop();
      clearTimeout(timer);
      resolve();
    };
    const stop = onData(check);
    const timer = setTimeout(() => (stop(), reject(new Error(`no ${pattern} within ${timeoutMs} ms; the output so far:\n${output()}`))), timeoutMs);
    check();
  });
}

test('a typo gets the closest names; --help lists the commands', async () => {
  const typo = await learn('hint', 'polite-greter');
  assert.equal(typo.code, 2);
  assert.match(typo.stderr, /no exercise is called "polite-greter"\. Did you mean 02-polite-greeter,/);
  const help = await learn('--help');
  assert.equal(help.code, 0);
  for (const command of ['watch', 'run', 'list', 'next', 'hint', 'reset']) assert.match(help.stdout, new RegExp(`^  ${command}\\b`, 'm'));
});

test('hint prints the manifest\'s hint; run names a type error in the learner\'s file', async () => {
  const hint = await learn('hint', '1b');
  assert.ok(hint.stdout.includes(second.hint), hint.stdout);
  writeFileSync(join(copy, second.starter), `${readFileSync(join(REPO_ROOT, second.starter), 'utf8')}\nexport const wrong: number = 'one';\n`);
  const run = await learn('run', second.name);
  assert.equal(run.code, 1);
  assert.match(run.stdout, new RegExp(`✖ type check\\n.*${second.starter.replaceAll('/', '\\/')}\\(\\d+,\\d+\\): error TS2322`));
  execFileSync('git', ['checkout', '--quiet', '--', second.starter], { cwd: copy });
});

test('watch: save the solution, see the pass and the next exercise; Ctrl-C leaves cleanly', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(copy, 'chapters/workbook/learn.ts'), 'watch'], { cwd: copy, env: learnerEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const onData = (listener: () => void) => {
    child.stdout.on('data', listener);
    return () => void child.stdout.off('data', listener);
  };
  try {
    await outputMatching(() => output, new RegExp(`Watching ${first.starter}`), 30_000, onData);
    assert.match(output, new RegExp(`^${first.id}: .*\\n  ✖ `, 'm'), 'the untouched starter fails, one line per test');
    solveInCopy(first);
    await outputMatching(() => output, new RegExp(`✔ ${first.id} is done\\. Next: ${second.id}`), 30_000, onData);
    await outputMatching(() => output, new RegExp(`Watching ${second.starter}`), 30_000, onData);
    child.kill('SIGINT');
    const [code] = (await once(child, 'close')) as [number | null];
    assert.equal(code, 0, output);
    assert.match(output, /Stopped watching\.\n$/);
  } finally {
    child.kill('SIGKILL');
  }
});

test('list flips to done; the workbook\'s exercise check still passes on committed starters', async () => {
  solveInCopy(first);
  solveInCopy(second);
  const list = await learn('list');
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, new RegExp(`^✔ done +${first.id} `, 'm'));
  assert.match(list.stdout, new RegExp(`^✔ done +${second.id} `, 'm'));
  assert.match(list.stdout, new RegExp(`^· not done +${third.id} `, 'm'));
  assert.match(list.stdout, new RegExp(`^2 of ${EXERCISES.length} done$`, 'm'));

  // The check npm test runs, in the copy: the solved starters do not take part.
  const check: typeof import('./exercise-check.ts') = await import(join(copy, 'chapters/workbook/exercise-check.ts'));
  const committed = check.workbookCopy([first, second]);
  assert.equal(committed.startersNotCommitted, undefined, 'the copy is a git repository');
  try {
    const [results] = await check.runRounds(committed.root, [{ name: 'starter', exercises: [first, second] }]);
    for (const exercise of [first, second]) {
      assert.ok(check.tally(results.get(join(committed.root, exercise.test))).failed.length > 0, `${exercise.id}: the committed starter still fails`);
    }
  } finally {
    committed.remove();
  }
});

test('reset asks first, and puts the committed starter back', async () => {
  solveInCopy(first);
  const declined = await runProcess('sh', ['-c', `echo n | "${process.execPath}" --import tsx "${join(copy, 'chapters/workbook/learn.ts')}" reset ${first.id}`], { timeoutMs: 30_000, env: learnerEnv });
  assert.notEqual(declined.code, 0);
  assert.match(declined.stdout, /Throw them away and start again\? \[y\/N\] Left as it is\./);
  const reset = await learn('reset', first.id, '--yes');
  assert.equal(reset.code, 0, reset.stderr);
  assert.equal(readFileSync(join(copy, first.starter), 'utf8'), readFileSync(join(REPO_ROOT, first.starter), 'utf8'));
});
