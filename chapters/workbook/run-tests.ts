// `npm test` runs the workbook's own tests; `npm run exercises -- 02` runs the
// exercise tests of chapter 02 against the learner's code.
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../shared/repo-files.ts';
import { exerciseTestFiles, workbookTestFiles } from './test-files.ts';

const [mode, chapter] = process.argv.slice(2);
const files = mode === '--exercises' ? exerciseTestFiles(chapter) : workbookTestFiles();
if (files.length === 0) {
  console.error(chapter ? `no exercise tests found for chapter "${chapter}"` : 'no test files found');
  process.exit(1);
}

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  cwd: REPO_ROOT,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
