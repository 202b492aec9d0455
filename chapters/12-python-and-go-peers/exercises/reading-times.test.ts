import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importExercise } from '../../shared/exercise.ts';

const { readingTimes } = await importExercise<typeof import('./reading-times.ts')>(import.meta.url, 'reading-times.ts');

test("the original data set's times: 1,000 readings, one second apart", () => {
  const times = readingTimes(new Date('2020-05-22T14:13:11Z'), 1000, 1000);
  assert.equal(times.length, 1000);
  assert.deepEqual(times[0], { seconds: '1590156791', nanos: 0 });
  assert.deepEqual(times[1], { seconds: '1590156792', nanos: 0 });
  assert.deepEqual(times[999], { seconds: '1590157790', nanos: 0 });
  assert.equal(new Set(times.map((time) => time.seconds)).size, 1000, 'every reading has its own second');
});

test('fractions of a second go into nanos, and carry into seconds', () => {
  assert.deepEqual(readingTimes(new Date('2020-05-22T14:13:11.250Z'), 3, 1500), [
    { seconds: '1590156791', nanos: 250_000_000 },
    { seconds: '1590156792', nanos: 750_000_000 },
    { seconds: '1590156794', nanos: 250_000_000 },
  ]);
});

test('before 1970, seconds go negative and nanos stay positive', () => {
  assert.deepEqual(readingTimes(new Date('1969-12-31T23:59:59.500Z'), 3, 250), [
    { seconds: '-1', nanos: 500_000_000 },
    { seconds: '-1', nanos: 750_000_000 },
    { seconds: '0', nanos: 0 },
  ]);
  assert.deepEqual(readingTimes(new Date('1969-12-31T23:59:58.001Z'), 1, 1000), [{ seconds: '-2', nanos: 1_000_000 }]);
});

test('no readings, no times', () => {
  assert.deepEqual(readingTimes(new Date('2020-05-22T14:13:11Z'), 0, 1000), []);
});
