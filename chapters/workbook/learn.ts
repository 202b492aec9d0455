// `npm run learn`: the learner's loop. Watch an exercise while you work on it,
// ask for a hint, see what is done, go on to the next one, start one again.
import { watch as watchFolder, writeFileSync, type FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { REPO_ROOT } from '../shared/repo-files.ts';
import { EXERCISES, type Exercise } from './exercise-manifest.ts';
import { exercisesOfChapter, findExercise, UnknownExercise } from './exercise-names.ts';
import { hasPassed, reportLines, type ExerciseRun } from './learner-report.ts';
import { committedStarter, firstUnfinished, isUntouched, progress, runExercise } from './learner-runs.ts';

const USAGE = `npm run learn -- <command> [exercise]

  watch [exercise]   check the exercise every time you save it; when it passes,
                     go on to the next (default: the first one not done)
  run <exercise>     check it once; exit code 0 when it passes
  list               every exercise, done or not (worked out by running them)
  next               the first exercise not done, and how to start it
  hint [exercise]    the hint for it (default: the first one not done)
  reset <exercise>   put the starter back as it was (asks first; --yes does not)
  chapter <NN>       check every exercise of chapter NN (npm run exercises -- NN)

An exercise is named by its id (02-polite-greeter), its file name
(polite-greeter) or its label (02-A). Ctrl-C stops watch.`;

function print(run: ExerciseRun): void {
  console.log(reportLines(run).join('\n'));
}

const indexOf = (exercise: Exercise) => EXERCISES.indexOf(exercise);

async function exerciseOrFirstUnfinished(name: string | undefined): Promise<Exercise | undefined> {
  return name === undefined ? firstUnfinished() : findExercise(name);
}

async function list(): Promise<number> {
  const all = await progress();
  for (const { exercise, done } of all) console.log(`${done ? '✔ done    ' : '· not done'}  ${exercise.id.padEnd(28)} ${exercise.title}`);
  console.log(`${all.filter(({ done }) => done).length} of ${all.length} done`);
  return 0;
}

function startHere(exercise: Exercise): string {
  return `${exercise.id}: ${exercise.title}\n  open ${exercise.starter}, then: npm run learn -- watch ${exercise.id}`;
}

async function next(): Promise<number> {
  const exercise = await firstUnfinished();
  console.log(exercise ? `Next: ${startHere(exercise)}` : `All ${EXERCISES.length} exercises are done.`);
  return 0;
}

async function hint(name: string | undefined): Promise<number> {
  const exercise = await exerciseOrFirstUnfinished(name);
  if (!exercise) return (console.log(`All ${EXERCISES.length} exercises are done.`), 0);
  console.log(`Hint for ${exercise.id} (${exercise.starter}):\n\n${exercise.hint}\n\nThe lesson: docs/${exercise.chapter}.md#exercises`);
  return 0;
}

async function runOnce(name: string | undefined): Promise<number> {
  if (name === undefined) throw new UnknownExercise('run needs an exercise: npm run learn -- run 02-polite-greeter');
  const run = await runExercise(findExercise(name));
  print(run);
  return hasPassed(run) ? 0 : 1;
}

async function chapter(number: string | undefined): Promise<number> {
  const exercises = number === undefined ? [...EXERCISES] : exercisesOfChapter(number);
  let failed = 0;
  for (const exercise of exercises) {
    const run = await runExercise(exercise);
    print(run);
    if (!hasPassed(run)) failed++;
  }
  console.log(`${exercises.length - failed} of ${exercises.length} exercises pass`);
  return failed === 0 ? 0 : 1;
}

async function reset(name: string | undefined, yes: boolean): Promise<number> {
  if (name === undefined) throw new UnknownExercise('reset needs an exercise: npm run learn -- reset 02-polite-greeter');
  const exercise = findExercise(name);
  const starter = committedStarter(exercise);
  if (starter === undefined) {
    console.error(`This checkout has no git history to restore ${exercise.starter} from: download the workbook again, or copy the file from it.`);
    return 1;
  }
  if (isUntouched(exercise)) return (console.log(`${exercise.starter} is already as it started.`), 0);
  if (!yes) {
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await prompt.question(`${exercise.starter} has your changes. Throw them away and start again? [y/N] `);
    prompt.close();
    if (!/^y(es)?$/i.test(answer.trim())) return (console.log('Left as it is.'), 1);
  }
  writeFileSync(join(REPO_ROOT, exercise.starter), starter);
  console.log(`${exercise.starter} is back as it started.`);
  return 0;
}

/** Checks `exercise` on every save; when it passes, moves on to the next one not done. Ends on Ctrl-C. */
async function watch(name: string | undefined): Promise<number> {
  let exercise = await exerciseOrFirstUnfinished(name);
  if (!exercise) return (console.log(`All ${EXERCISES.length} exercises are done.`), 0);
  let watcher: FSWatcher | undefined;
  let running: AbortController | undefined;
  let again = false;

  const check = async (): Promise<void> => {
    if (running) return void (again = true); // one run at a time: the save that came during it gets its own run after
    running = new AbortController();
    const current: Exercise = exercise!;
    console.log(`\n— ${new Date().toLocaleTimeString()} checking ${current.starter}`);
    const run = await runExercise(current, running.signal).finally(() => (running = undefined));
    print(run);
    if (hasPassed(run)) {
      const following = await firstUnfinished(indexOf(current));
      if (!following) {
        console.log(`\n✔ ${current.id} is done, and so is every exercise. Well done.`);
        stop();
        return;
      }
      console.log(`\n✔ ${current.id} is done. Next: ${following.id}: ${following.title}\n  now watching ${following.starter}`);
      follow(following);
      return check();
    }
    console.log(`\nWatching ${current.starter}: save it to check again (Ctrl-C to stop; npm run learn -- hint ${current.id} for a hint).`);
    if (again) {
      again = false;
      return check();
    }
  };

  let settled: () => void;
  const finished = new Promise<void>((resolve) => (settled = resolve));
  const stop = () => {
    watcher?.close();
    running?.abort();
    settled();
  };
  const follow = (target: Exercise) => {
    watcher?.close();
    exercise = target;
    let timer: NodeJS.Timeout | undefined;
    // The folder, not the file: editors that save by renaming replace the file being watched.
    watcher = watchFolder(join(REPO_ROOT, dirname(target.starter)), (_event, file) => {
      if (file !== basename(target.starter)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void check(), 50); // one save can be several events
    });
  };
  process.once('SIGINT', () => {
    console.log('\nStopped watching.');
    stop();
  });
  follow(exercise);
  await check();
  await finished;
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const yes = argv.includes('--yes');
  const [command, name] = argv.filter((arg) => arg !== '--yes');
  switch (command) {
    case 'watch': return watch(name);
    case 'run': return runOnce(name);
    case 'list': return list();
    case 'next': return next();
    case 'hint': return hint(name);
    case 'reset': return reset(name, yes);
    case 'chapter': return chapter(name);
    case undefined: case '--help': case '-h': case 'help':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`error: no command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UnknownExercise)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
