// Where things are in the repository, for the scripts and tests that look
// around it (the tour, the test runner, the generator and their checks).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The numbered chapter folders, in order ("01-protobuf-wire-format", …). */
export function chapterFolders(): string[] {
  return readdirSync(join(REPO_ROOT, 'chapters'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d\d-/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** Every file below `folder` (relative to `root`), as sorted paths relative to `folder`. */
export function filesUnder(folder: string, root: string = REPO_ROOT): string[] {
  const base = join(root, folder);
  return readdirSync(base, { recursive: true, encoding: 'utf8' })
    .filter((path) => !path.split(/[\\/]/).includes('node_modules') && statSync(join(base, path)).isFile())
    .sort();
}
