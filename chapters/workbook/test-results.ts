// Runs test files with node:test's run() and yields one plain result per
// finished test, for the programs that read results rather than print them:
// `npm run learn`, `npm run exercises` and the workbook's check of its own
// exercises. Each file runs in its own child process, as under `node --test`.
import { run } from 'node:test';
import type { TestEvent } from 'node:test/reporters';

export interface TestResult {
  file: string;
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

/** node:test wraps what a test threw in an ERR_TEST_FAILURE whose cause is the thrown error. */
function thrown(error: Error): Error {
  return error.cause instanceof Error ? error.cause : error;
}

function toResult(event: TestEvent): TestResult | undefined {
  if (event.type !== 'test:pass' && event.type !== 'test:fail') return undefined;
  const { data } = event;
  const result: TestResult = {
    file: data.file ?? '',
    name: data.name,
    nesting: data.nesting,
    passed: event.type === 'test:pass',
    skipped: Boolean(data.skip || data.todo),
    suite: data.details.type === 'suite',
  };
  if (event.type === 'test:fail') {
    const error = thrown(event.data.details.error);
    result.message = error.message;
    result.stack = error.stack;
    result.failureType = (event.data.details.error as Error & { failureType?: string }).failureType;
  }
  return result;
}

/** A test that has not finished after this long fails, so that every run ends. */
const TEST_TIMEOUT_MS = 60_000;

/** The results of `files` (absolute paths), `concurrency` files at a time; `signal` stops the run and its processes. */
export async function* testResults(files: string[], concurrency = 2, signal?: AbortSignal): AsyncGenerator<TestResult> {
  for await (const event of run({ files, concurrency, signal, timeout: TEST_TIMEOUT_MS }) as AsyncIterable<TestEvent>) {
    const result = toResult(event);
    if (result) yield result;
  }
}
