// `npm start` runs every chapter's index.ts; each must exit 0 and end with
// its summary line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runScript } from '../shared/testing.ts';
import { chapterFolders } from '../shared/repo-files.ts';

test('npm start runs every chapter and prints one summary line each', async () => {
  const tour = await runScript('chapters/workbook/tour.ts', [], { timeoutMs: 240_000 });
  assert.equal(tour.code, 0, tour.stdout + tour.stderr);
  const summary = tour.stdout.slice(tour.stdout.lastIndexOf('Workbook tour:')).trimEnd().split('\n');
  const chapters = chapterFolders().length;
  assert.equal(summary[0], `Workbook tour: ${chapters} of ${chapters} chapters ran`);
  assert.deepEqual(summary.slice(1), [
    '✔ 01 protobuf wire format: "World" → 0a 05 57 6f 72 6c 64; 1,000 readings: protobuf 24,000 B vs JSON 58,638 B',
    '✔ 02 unary hello: 4/4 client×server pairings agreed; failures seen: INVALID_ARGUMENT, DEADLINE_EXCEEDED, UNAVAILABLE',
    '✔ 03 calculator and users: 8 calls answered; refused with OUT_OF_RANGE, OUT_OF_RANGE, NOT_FOUND, INVALID_ARGUMENT',
    '✔ 04 route guide streaming: 8 features listed; a route of 5 points, 4 features, 346,955 m; 3 chat replies; 2,000 features in order to a slow reader, ≤ 16 buffered (careless: 2,000); cancel stopped the server\'s loop; refused INVALID_ARGUMENT, INVALID_ARGUMENT, RESOURCE_EXHAUSTED',
    '✔ 05 two way push: calling back a vanished client: UNAVAILABLE; 7 tasks pushed to 2 clients, 7 done, none twice across a server restart (1 repeat delivery skipped)',
    '✔ 06 gcn scoring: karate club 33/34 placed right from 2 labels; refused 7 × INVALID_ARGUMENT, 1 × RESOURCE_EXHAUSTED',
    '✔ 07 metrics outliers: original request → [7, 113, 835], 3 bad ones refused; 4,200,000 B: RESOURCE_EXHAUSTED at 4 MiB, [7, 113, 835] with a raised limit, [7, 113, 835] streamed',
    '✔ 08 when calls go wrong: DEADLINE_EXCEEDED, back end cancelled with its caller; 3 stream shapes cancelled, 0 steps after; INVALID_ARGUMENT with 3 field violations; RESOURCE_EXHAUSTED over 4 MiB; UNAVAILABLE retried, OK at attempt 3; hostile bytes → INTERNAL, INTERNAL, UNIMPLEMENTED, still serving',
    '✔ 09 metadata interceptors tls: 4 calls answered; refused with INVALID_ARGUMENT, UNAUTHENTICATED ×4, PERMISSION_DENIED, UNAVAILABLE ×3',
    '✔ 10 operating a service: MyService SERVING → NOT_SERVING → SERVING; reflection listed 6 services; frozen peer → UNAVAILABLE; shutdown delivered 8/8 features',
    '✔ 11 many servers: round_robin a 3, b 3, c 3, 0 failed after b stopped; retry answered on attempt 3; maxAttempts 10 capped at 5; throttled 4 calls to 8 attempts; hedging 2/2 answered by fast; waitForReady answered once the server started; gzip 6.2× smaller on 64 KiB of words',
    '✔ 12 python and go peers: 24/24 pairings agree across TypeScript, Python and Go',
  ]);
});
