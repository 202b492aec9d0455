// How a learner names an exercise: "02-polite-greeter", "polite-greeter",
// "02-A" or "02a". A name that matches nothing gets the closest names back.
import { EXERCISES, type Exercise } from './exercise-manifest.ts';

/** "chapters/…/polite-greeter.ts" → "polite-greeter"; "2a", "2-A", "02a" → "02-a". */
const simplify = (name: string) =>
  name
    .toLowerCase()
    .replace(/^.*\//, '')
    .replace(/\.(test\.)?ts$/, '')
    .replace(/^(\d?\d)-?([a-z])$/, (_, chapter: string, letter: string) => `${chapter.padStart(2, '0')}-${letter}`);

function namesOf(exercise: Exercise): string[] {
  return [exercise.id, exercise.name, exercise.label].map((name) => name.toLowerCase());
}

/** Edit distance (insertions, deletions, substitutions) between two names. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

export class UnknownExercise extends Error {}

/** The exercise called `name`, or an UnknownExercise naming the closest ones. */
export function findExercise(name: string): Exercise {
  const wanted = simplify(name);
  const found = EXERCISES.find((exercise) => namesOf(exercise).includes(wanted));
  if (found) return found;
  const closest = EXERCISES.map((exercise) => ({ exercise, score: Math.min(...namesOf(exercise).map((known) => distance(wanted, known))) }))
    .sort((a, b) => a.score - b.score)
    .slice(0, 3)
    .map(({ exercise }) => exercise.id);
  throw new UnknownExercise(`no exercise is called "${name}". Did you mean ${closest.join(', ')}? (npm run learn list shows them all)`);
}

/** The exercises of chapter `number` ("2", "02"), in order. */
export function exercisesOfChapter(number: string): Exercise[] {
  const prefix = number.padStart(2, '0');
  const found = EXERCISES.filter((exercise) => exercise.chapter.startsWith(`${prefix}-`));
  if (found.length === 0) {
    const chapters = [...new Set(EXERCISES.map((exercise) => exercise.chapter.slice(0, 2)))];
    throw new UnknownExercise(`no chapter ${JSON.stringify(number)} has exercises; the chapters are ${chapters.join(', ')}`);
  }
  return found;
}
