// Runs test files in test hosts (test-hosts.ts) and collects one plain result
// per finished test, for the programs that read results rather than print
// them: `npm run learn`, `npm run exercises` and the workbook's check of its
// own exercises.
import { REPO_ROOT } from '../shared/repo-files.ts';
import { runInHosts } from './test-hosts.ts';

export interface TestResult {
  /** The job the test ran in (TestJob.label). */
  job: string;
  name: string;
  nesting: number;
  passed: boolean;
  skipped: boolean;
  suite: boolean;
  /** For a failure: what went wrong, and the stack of the error the test threw. */
  message?: string;
  stack?: string;
  /** For a failure, how node:test classed it ("testTimeoutFailure", "testCodeFailure", …). */
  failureType?: string;
}

/** How result-reporter.ts marks its lines among whatever else the tests print. */
export const RESULT_MARK = '\u0001test-result ';

/** One test file to run: `env` is added to the host's environment while the file loads. */
export interface TestJob {
  /** Absolute path. */
  file: string;
  /** Names the job's results; a file may run in several jobs, each with its own label. */
  label: string;
  env?: Record<string, string>;
}

export interface ResultOptions {
  /** How many hosts run at once. */
  hosts?: number;
  signal?: AbortSignal;
  /** Where the hosts run, and what `file` paths in their results are relative to. */
  cwd?: string;
  /** A file that has not finished after this long fails, so that every run ends. */
  fileTimeoutMs?: number;
}

const REPORTER = new URL('./result-reporter.ts', import.meta.url).href;

/** The results of every job, by label. */
export async function testResults(jobs: TestJob[], options: ResultOptions = {}): Promise<Map<string, TestResult[]>> {
  const results = new Map<string, TestResult[]>(jobs.map((job) => [job.label, []]));
  await runInHosts({
    jobs,
    hosts: options.hosts ?? 1,
    reporter: REPORTER,
    fileTimeoutMs: options.fileTimeoutMs ?? 60_000,
    cwd: options.cwd ?? REPO_ROOT,
    signal: options.signal,
    onHost: ({ stdout }) => {
      let partial = '';
      stdout.setEncoding('utf8');
      stdout.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          const at = line.indexOf(RESULT_MARK);
          if (at < 0) continue;
          const result = JSON.parse(line.slice(at + RESULT_MARK.length)) as TestResult;
          results.get(result.job)?.push(result);
        }
      });
    },
  });
  return results;
}
