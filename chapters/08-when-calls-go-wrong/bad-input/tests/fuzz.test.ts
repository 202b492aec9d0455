// The fuzz suite in its CI size (fuzz.ts; `npm run fuzz -- --probes N` runs a
// longer one): for every method of every chapter server, every hostile
// request of the fixed mix and a few seeded mutations, in every call shape,
// gets a status within the bound, and the server answers a good call as
// before after each method's batch (fuzzTarget throws otherwise).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { formatTable, fuzzTarget, type MethodTally } from '../fuzz.ts';
import { FUZZ_TARGETS } from '../fuzz-targets.ts';

const tallies: MethodTally[] = [];

for (const target of FUZZ_TARGETS) {
  test(`fuzz: ${target.name}`, { timeout: 30_000 }, async () => {
    const results = await fuzzTarget(target, { probes: 3, seed: 8, boundMs: 2_000, concurrency: 16 });
    tallies.push(...results);
    for (const tally of results) {
      assert.deepEqual(tally.hangs, [], `${tally.path}: calls with no status within 2 s`);
      assert.ok(tally.counts.size > 0, `${tally.path}: no calls were made`);
    }
  });
}

after(() => console.log(formatTable(tallies)));
