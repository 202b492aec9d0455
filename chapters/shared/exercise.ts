// Exercise tests check the learner's file (the starter, once filled in). The
// workbook checks its own exercises by running the very same tests against a
// stand-in for the starter: the reference solution in ./solutions/, or a
// near-miss written beside it (the solution with one requirement dropped)
// that must fail. WORKBOOK_EXERCISE_STAND_INS maps a starter's absolute path
// to its stand-in's, as JSON; the learner never sets it.
import { once, type EventEmitter } from 'node:events';
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

/**
 * once(emitter, event), but a wait that runs out rejects with what the test
 * was waiting for ("timed out after 5000 ms waiting for the server to see the
 * first point"), not a bare AbortError.
 */
export async function eventWithin<Events extends Record<keyof Events, unknown[]>>(
  emitter: EventEmitter<Events>,
  event: keyof Events & string,
  timeoutMs: number,
  waitingFor: string,
): Promise<unknown[]> {
  try {
    return await once(emitter as EventEmitter, event, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw new Error(`timed out after ${timeoutMs} ms waiting for ${waitingFor}`);
    throw error;
  }
}
