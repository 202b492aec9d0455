// npx tsx chapters/06-gcn-scoring/bench/server-timings.ts [--runs 5]: where the
// server's time goes on the benchmark's request, step by step, in a process
// of its own (as the server has: no client's million objects on its heap).
// bench.ts runs it.
import { parseCommandLine } from '../../shared/cli.ts';
import { medianMs } from '../../shared/measure.ts';
import { normalizedAdjacency } from '../model/adjacency.ts';
import { benchmarkGraph } from './random-graph.ts';
import { forward, sigmoid } from '../model/gcn.ts';
import { decodeGraph } from '../codec/graph-decoder.ts';
import { encodeGraph } from '../codec/graph-encoder.ts';
import { randomFeatureModel } from '../model/models.ts';
import { encodeScores } from '../codec/scores-codec.ts';

const { runs: runsText } = parseCommandLine('Usage: npx tsx chapters/06-gcn-scoring/bench/server-timings.ts [--runs 5]', {
  runs: { type: 'string', default: '5' },
});
const runs = Math.max(1, Number(runsText) || 5);

const request = encodeGraph(benchmarkGraph());
const graph = decodeGraph(request);
const adjacency = normalizedAdjacency(graph.ids.length, graph.sources, graph.targets);
const weights = randomFeatureModel().weightsFor(graph.featureWidth);
const { logits } = forward(adjacency, graph.features, weights);
const scores = Float32Array.from(logits, sigmoid);

const steps: [string, () => unknown][] = [
  ['decode and check the request', () => decodeGraph(request)],
  ['build Â (CSR)', () => normalizedAdjacency(graph.ids.length, graph.sources, graph.targets)],
  ['both GCN layers', () => forward(adjacency, graph.features, weights)],
  ['encode the reply', () => encodeScores({ ids: graph.ids, scores })],
];
for (const [step, work] of steps) {
  console.log(`  ${step.padEnd(30)} ${medianMs(runs, work).toFixed(0).padStart(6)} ms`);
}
