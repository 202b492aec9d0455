// `tsx chapters/workbook/exercise-results.ts FILE…`: runs exercise test files
// and prints one JSON line per finished test (a TestResult). The workbook's
// check of its own exercises runs it in a child process for each round
// (starters, solutions, near-misses), with that round's stand-ins in its
// environment, so that all the files of a round share one runner.
import { testResults } from './test-results.ts';

const concurrency = Number(process.env.WORKBOOK_TEST_CONCURRENCY ?? 3);
for await (const result of testResults(process.argv.slice(2), concurrency)) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
