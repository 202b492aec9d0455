// Exercise tests check the learner's file (the starter, once filled in). The
// workbook's own test suite sets WORKBOOK_EXERCISE_TARGET=solution to run the
// very same tests against the reference solution in ./solutions/.

export const EXERCISE_TARGET_VARIABLE = 'WORKBOOK_EXERCISE_TARGET';

/**
 * Imports `file` from the exercise folder of the test at `testFileUrl`, or from
 * its solutions/ folder when the workbook checks itself. `M` is the type of the
 * starter module, which the solution must match.
 */
export async function importExercise<M>(testFileUrl: string, file: string): Promise<M> {
  const folder = process.env[EXERCISE_TARGET_VARIABLE] === 'solution' ? './solutions/' : './';
  return (await import(new URL(folder + file, testFileUrl).href)) as M;
}
