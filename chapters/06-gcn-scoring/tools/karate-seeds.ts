// npx tsx chapters/06-gcn-scoring/tools/karate-seeds.ts [--seeds 50]: trains the
// karate-club GCN from many different initial weights and counts how many
// members each run places right. The lesson's accuracy threshold comes from
// this, not from one lucky seed.
import { parseCommandLine } from '../../shared/cli.ts';
import { KARATE_TRAINING, loadKarateClub, misplaced, scoreMembers, trainOnLeaders } from '../model/karate.ts';

const { seeds: seedsText } = parseCommandLine('Usage: npx tsx chapters/06-gcn-scoring/tools/karate-seeds.ts [--seeds 50]', {
  seeds: { type: 'string', default: '50' },
});
const seeds = Math.max(1, Number(seedsText) || 50);

const karate = loadKarateClub();
const runsByRight = new Map<number, number>();
const timesMisplaced = new Map<string, number>();
for (let seed = 1; seed <= seeds; seed++) {
  const wrong = misplaced(karate, scoreMembers(karate, trainOnLeaders(karate, { ...KARATE_TRAINING, seed })));
  const right = karate.clubs.size - wrong.length;
  runsByRight.set(right, (runsByRight.get(right) ?? 0) + 1);
  for (const id of wrong) timesMisplaced.set(id, (timesMisplaced.get(id) ?? 0) + 1);
}
console.log(`${seeds} seeds, each trained on the clubs of members 0 and 33 only:`);
for (const [right, runs] of [...runsByRight].sort(([a], [b]) => b - a)) console.log(`  ${right}/34 right: ${runs} runs`);
console.log(`misplaced: ${[...timesMisplaced].map(([id, times]) => `member ${id} in ${times} runs`).join(', ')}`);

// The baseline: the same networks before any training step.
const untrained = Array.from({ length: seeds }, (_, i) => {
  const model = trainOnLeaders(karate, { ...KARATE_TRAINING, seed: i + 1, epochs: 0 });
  return karate.clubs.size - misplaced(karate, scoreMembers(karate, model)).length;
});
const mean = untrained.reduce((sum, right) => sum + right, 0) / seeds;
console.log(`untrained, the same seeds: ${mean.toFixed(1)}/34 right on average, ${Math.min(...untrained)} to ${Math.max(...untrained)}`);
