// A node:test reporter for test hosts whose results a program reads rather
// than prints (`npm run learn`, `npm run exercises`, the exercise check): one
// line per finished test, RESULT_MARK and then a TestResult as JSON. Lines
// without the mark are whatever the tests themselves printed.
//
// A host runs each file as a top-level suite named after the job
// (test-host.ts), one file after another, so the suite that started last is
// the job every result belongs to; that suite itself is not reported.
import type { TestEvent } from 'node:test/reporters';
import { RESULT_MARK, type TestResult } from './test-results.ts';

/** node:test wraps what a test threw in an ERR_TEST_FAILURE whose cause is the thrown error. */
function thrown(error: Error): Error {
  return error.cause instanceof Error ? error.cause : error;
}

function toResult(event: TestEvent, job: string): TestResult | undefined {
  if (event.type !== 'test:pass' && event.type !== 'test:fail') return undefined;
  const { data } = event;
  if (data.nesting === 0) return undefined;
  const result: TestResult = {
    job,
    name: data.name,
    nesting: data.nesting - 1,
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

export default async function* resultReporter(events: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  let job = '';
  for await (const event of events) {
    if (event.type === 'test:start' && event.data.nesting === 0) job = event.data.name;
    const result = toResult(event, job);
    if (result) yield `${RESULT_MARK}${JSON.stringify(result)}\n`;
  }
}
