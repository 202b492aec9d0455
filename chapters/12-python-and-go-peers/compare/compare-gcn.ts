// npx tsx chapters/12-python-and-go-peers/compare/compare-gcn.ts [--runs 3]
// (also part of npm run bench, from bench.ts): GCNService.ProcessGraph on
// chapter 06's benchmark graph (100,000 nodes, 1,000,000 edges, 16 features),
// served by chapter 06's TypeScript server and by python/gcn.py, a grpcio +
// numpy service that computes the same scores. One TypeScript client, one
// request encoded once, the same bytes to both (same-bytes.ts). Every reply is
// checked against chapter 06's model computed here. Lesson 06 quotes the output.
import { decodeGraph } from '../../06-gcn-scoring/codec/graph-decoder.ts';
import { encodeGraph } from '../../06-gcn-scoring/codec/graph-encoder.ts';
import { GCN_CHANNEL_OPTIONS } from '../../06-gcn-scoring/gcn-client.ts';
import { scoreGraph } from '../../06-gcn-scoring/model/gcn.ts';
import { randomFeatureModel } from '../../06-gcn-scoring/model/models.ts';
import { BENCHMARK_SHAPE, randomGraph } from '../../06-gcn-scoring/bench/random-graph.ts';
import { decodeScores } from '../../06-gcn-scoring/codec/scores-codec.ts';
import { startServerScript } from '../../shared/testing.ts';
import { startPythonServer } from '../pairings/pairings.ts';
import { loadAverage } from '../../shared/measure.ts';
import { compareServers, formatComparison, runsFromCommandLine, SERVER_LIFETIME_MS } from './same-bytes.ts';
import { missingPeerTools, SETUP_HINT } from '../tools/toolchain.ts';

/** As in the interop tests: float32 scores, summed in a different order by numpy. */
const TOLERANCE = 1e-5;

const runs = runsFromCommandLine('compare-gcn.ts');

if (missingPeerTools().length > 0) {
  console.log(`skipped: ${SETUP_HINT}`);
} else {
  console.log(`load average at start: ${loadAverage()} (2 cores; other work skews timings)`);
  const request = encodeGraph(randomGraph(BENCHMARK_SHAPE));
  const graph = decodeGraph(request);
  const expected = scoreGraph(graph, randomFeatureModel().weightsFor(BENCHMARK_SHAPE.features));
  let largestDifference = 0;
  const check = (scores: Map<string, number>) => {
    if (scores.size !== graph.ids.length) throw new Error(`${scores.size} scores for ${graph.ids.length} nodes`);
    graph.ids.forEach((id, node) => {
      const difference = Math.abs((scores.get(id) ?? NaN) - expected[node]);
      if (!(difference <= TOLERANCE)) throw new Error(`node ${id}: score ${scores.get(id)}, expected ${expected[node]}`);
      largestDifference = Math.max(largestDifference, difference);
    });
  };

  const typeScript = await startServerScript('chapters/06-gcn-scoring/server.ts', [], { lifetimeMs: SERVER_LIFETIME_MS });
  const python = await startPythonServer({ lifetimeMs: SERVER_LIFETIME_MS });
  try {
    const { nodes, edges, features } = BENCHMARK_SHAPE;
    console.log(
      `GCNService.ProcessGraph, ${nodes.toLocaleString('en-US')} nodes, ${edges.toLocaleString('en-US')} edges, ${features} features: ` +
        `one request of ${request.length.toLocaleString('en-US')} bytes, the same bytes to each server,`,
    );
    console.log(`from one TypeScript client (grpc-js), ${runs} runs after a warm-up, taking turns; ratio to the first server:`);
    const results = await compareServers(
      '/GCNService/ProcessGraph',
      request,
      (bytes) => decodeScores(bytes),
      [
        { name: 'TypeScript server (chapter 06)', address: typeScript.address, check },
        { name: 'Python server (grpcio + numpy)', address: python.address, check },
      ],
      { runs, deadlineMs: 300_000, channelOptions: GCN_CHANNEL_OPTIONS },
    );
    for (const line of formatComparison(results)) console.log(line);
    console.log(`every reply: ${graph.ids.length.toLocaleString('en-US')} scores, at most ${largestDifference.toExponential(1)} from chapter 06's model`);
  } finally {
    await Promise.all([typeScript.interrupt(), python.interrupt()]);
  }
  console.log(`load average at end: ${loadAverage()}`);
}
