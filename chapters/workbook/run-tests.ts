// `npm test` runs the workbook's own tests. (`npm run exercises` and
// `npm run learn` run the exercise tests against the learner's code: learn.ts.)
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../shared/repo-files.ts';
import { workbookTestFiles } from './test-files.ts';

const files = workbookTestFiles();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  cwd: REPO_ROOT,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
