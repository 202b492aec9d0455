// `npm test` runs the workbook's own tests. (`npm run exercises` and
// `npm run learn` run the exercise tests against the learner's code: learn.ts.)
//
// The files run in three test hosts (test-hosts.ts), each printing node:test's
// spec report. Each file's report is printed whole as it finishes, so hosts
// never interleave, and the hosts' closing totals are added up into one.
import { relative } from 'node:path';
import { REPO_ROOT } from '../shared/repo-files.ts';
import { runInHosts, type HostOutput } from './test-hosts.ts';
import { workbookTestFiles } from './test-files.ts';

const HOSTS = 3;
/** The exercise check runs every exercise test four times over; nothing else comes near. */
const FILE_TIMEOUT_MS = 600_000;

const files = workbookTestFiles().map((file) => `${REPO_ROOT}/${file}`);
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// The longest files first, so that none starts last and runs on alone: the
// workbook's checks of itself run every chapter and every exercise.
const longestFirst = [...files.filter((file) => file.includes('/chapters/workbook/')), ...files.filter((file) => !file.includes('/chapters/workbook/'))];

const fileEnd = new RegExp(`^[✔✖] (${files.map((file) => relative(REPO_ROOT, file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}) \\(`);
const totals = new Map<string, number>();
const closingReports: string[] = [];

/** Prints each file's report as it ends; keeps the host's closing lines (failures and totals) for the end. */
function readHost({ stdout }: HostOutput): void {
  let pending = '';
  let partial = '';
  stdout.setEncoding('utf8');
  stdout.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      pending += `${line}\n`;
      if (fileEnd.test(line)) {
        process.stdout.write(pending);
        pending = '';
      }
    }
  });
  stdout.on('end', () => {
    const rest = (pending + partial).split('\n');
    const kept: string[] = [];
    for (const line of rest) {
      const total = /^ℹ (\w+) ([\d.]+)$/.exec(line);
      if (total) totals.set(total[1], (totals.get(total[1]) ?? 0) + Number(total[2]));
      else if (line.trim() !== '') kept.push(line);
    }
    if (kept.length > 0) closingReports.push(kept.join('\n'));
  });
}

const started = Date.now();
const passed = await runInHosts({
  jobs: longestFirst.map((file) => ({ file, label: relative(REPO_ROOT, file) })),
  hosts: HOSTS,
  reporter: 'spec',
  fileTimeoutMs: FILE_TIMEOUT_MS,
  cwd: REPO_ROOT,
  onHost: readHost,
  onLeftRunning: (job, open) => console.log(`ℹ ${job.label} left ${open.join(', ')} open when it ended; the files after it run in a fresh process`),
  onHostEnded: (job, code) => console.log(`✖ ${job.label}: its test process ended (exit code ${code}) before the file's tests did`),
});

for (const report of closingReports) console.log(`\n${report}`);
console.log('');
for (const [name, value] of totals) {
  if (name !== 'duration_ms') console.log(`ℹ ${name} ${value}`);
}
console.log(`ℹ ${files.length} files in ${HOSTS} test hosts, ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(passed ? 0 : 1);
