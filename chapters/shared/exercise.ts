// Exercise tests check the learner's file (the starter, once filled in). The
// workbook checks its own exercises by running the very same tests against a
// stand-in for the starter: the reference solution in ./solutions/, or a
// near-miss in ./near-misses/ that must fail. WORKBOOK_EXERCISE_STAND_INS maps
// a starter's absolute path to its stand-in's, as JSON; the learner never sets it.
import { fileURLToPath, pathToFileURL } from 'node:url';

export const STAND_INS_VARIABLE = 'WORKBOOK_EXERCISE_STAND_INS';

function standIns(): Record<string, string> {
  const json = process.env[STAND_INS_VARIABLE];
  return json ? (JSON.parse(json) as Record<string, string>) : {};
}

/**
 * Imports `file` from the exercise folder of the test at `testFileUrl`, or its
 * stand-in when the workbook checks itself. `M` is the type of the starter
 * module, which every stand-in must match.
 */
export async function importExercise<M>(testFileUrl: string, file: string): Promise<M> {
  const starter = fileURLToPath(new URL(file, testFileUrl));
  const standIn = standIns()[starter];
  return (await import(standIn ? pathToFileURL(standIn).href : pathToFileURL(starter).href)) as M;
}
