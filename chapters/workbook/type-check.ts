// Type-checks one exercise with the project's own compiler options, so that a
// type error in the learner's file is a failure with the compiler's message
// (tsx, which runs the tests, strips types without checking them). Checking
// the test file checks the starter too, against the type the test expects.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../shared/repo-files.ts';

const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** tsconfig.json's compiler options as flags: a file named on the command line makes tsc ignore tsconfig.json. */
function compilerFlags(): string[] {
  const config = JSON.parse(readFileSync(join(REPO_ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
  return Object.entries(config.compilerOptions).flatMap(([key, value]) => {
    if (value === true) return [`--${key}`];
    if (value === false) return [`--${key}`, 'false'];
    return [`--${key}`, Array.isArray(value) ? value.join(',') : String(value)];
  });
}

/** The compiler's error lines for `testFile` and what it imports (paths from `root`); none when it type-checks. */
export async function typeErrors(testFile: string, root: string = REPO_ROOT): Promise<string[]> {
  try {
    await promisify(execFile)(process.execPath, [TSC, '--ignoreConfig', '--pretty', 'false', ...compilerFlags(), testFile], { cwd: root });
    return [];
  } catch (error) {
    const { stdout = '' } = error as { stdout?: string };
    const lines = stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    return lines.length > 0 ? lines : [`the type check failed: ${(error as Error).message}`];
  }
}
