// `npm run fuzz -- --probes N [--seed S]`: the fuzz suite at any length. With
// no flags it is what the test runs (tests/fuzz.test.ts); more probes add seeded
// random mutations of each method's good request. Prints the method × status
// table; exits 1 if a call got no status or a server stopped answering.
import { parseArgs } from 'node:util';
import { formatTable, fuzzTarget, type MethodTally } from './fuzz.ts';
import { FUZZ_TARGETS } from './fuzz-targets.ts';

const { values } = parseArgs({
  options: {
    probes: { type: 'string', default: '20' },
    seed: { type: 'string', default: '8' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('Usage: npm run fuzz -- [--probes 20] [--seed 8]\n\nFuzzes every method of every chapter server; --probes random mutations per method on top of the fixed mix.');
  process.exit(0);
}
const probes = Number(values.probes);
const seed = Number(values.seed);
if (!Number.isInteger(probes) || probes < 0 || !Number.isInteger(seed)) {
  console.error('--probes and --seed take whole numbers');
  process.exit(2);
}

const started = performance.now();
const tallies: MethodTally[] = [];
for (const target of FUZZ_TARGETS) tallies.push(...(await fuzzTarget(target, { probes, seed, boundMs: 2_000, concurrency: 16 })));
console.log(formatTable(tallies));
const hangs = tallies.flatMap((tally) => tally.hangs.map((name) => `${tally.path}: ${name}`));
const calls = tallies.reduce((sum, tally) => sum + [...tally.counts.values()].reduce((a, b) => a + b, 0), 0);
console.log(`\n${calls} calls to ${tallies.length} methods in ${((performance.now() - started) / 1000).toFixed(1)} s; ${hangs.length} got no status within 2 s`);
for (const hang of hangs) console.log(`  no status: ${hang}`);
process.exitCode = hangs.length === 0 ? 0 : 1;
