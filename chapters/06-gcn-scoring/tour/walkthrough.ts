// The calls this chapter makes, shared by the tour (index.ts) and the client
// half (client.ts): the tutorial's graph through three kinds of client, the
// same graph listed differently, the graphs the service refuses, and a
// request over grpc-js's default size limit.
import { credentials } from '@grpc/grpc-js';
import type { ProtoGrpcType as GcnProto } from '../../../generated/proto-loader/gcn.ts';
import * as gcn from '../../../generated/static/gcn.ts';
import { callUnary, isServiceError } from '../../shared/client.ts';
import { loadProto } from '../../shared/proto-loader.ts';
import type { Transcript } from '../../shared/transcript.ts';
import { GcnClient } from '../gcn-client.ts';
import { gcnService } from '../gcn-service.ts';
import { BAD_GRAPHS, JUST_OVER_4_MIB, printable, TUTORIAL_GRAPH, TUTORIAL_GRAPH_WITH_REPEATS } from './sample-graphs.ts';

const PATH = gcnService.ProcessGraph.path;
const gcnProto = loadProto<GcnProto>('gcn.proto');

/** Scores to four decimals, for the transcript. */
export function rounded(scores: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...scores].map(([id, score]) => [id, Number(score.toFixed(4))]));
}

const sameScores = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
  a.size === b.size && [...a].every(([id, score]) => b.get(id) === score);

export interface WalkthroughResult {
  /** Status names of the calls refused on purpose, in order. */
  refused: string[];
}

export async function walkThrough(address: string, t: Transcript): Promise<WalkthroughResult> {
  const client = new GcnClient(address);
  const staticClient = new gcn.GCNServiceClient(address, credentials.createInsecure());
  const loaderClient = new gcnProto.GCNService(address, credentials.createInsecure());
  const refused: string[] = [];
  const refuse = (error: unknown) => {
    if (!isServiceError(error)) throw error;
    refused.push(t.failed(error));
  };
  try {
    t.step("The original tutorial's graph: two nodes of three features, one edge");
    t.sent(PATH, TUTORIAL_GRAPH);
    const scores = await client.processGraph(TUTORIAL_GRAPH);
    t.received(rounded(scores));
    t.note('Both nodes score the same: in a graph of two joined nodes, one convolution');
    t.note('already gives each the same mix of both, (x1 + x2) / 2. A GCN scores neighbourhoods.');

    t.step('The same call from generated clients: google-protobuf (static stubs) and protobuf.js (proto-loader)');
    const fromStatic = (await callUnary(staticClient.ProcessGraph, gcn.GraphData.fromObject(TUTORIAL_GRAPH))).node_scores;
    const fromLoader = (await callUnary(loaderClient.ProcessGraph.bind(loaderClient), TUTORIAL_GRAPH)).node_scores;
    const agree = sameScores(fromStatic, scores) && sameScores(new Map(Object.entries(fromLoader)), scores);
    t.note(`static client ← ${JSON.stringify(rounded(fromStatic))}`);
    t.note(`proto-loader client ← ${JSON.stringify(rounded(new Map(Object.entries(fromLoader))))}`);
    t.note(agree ? 'the same floats from all three clients: the codec is ours, the bytes are protobuf' : 'the clients DISAGREE');

    t.step('The same graph, its edge listed again, backwards, twice more, and a self-loop');
    t.sent(PATH, { edges: TUTORIAL_GRAPH_WITH_REPEATS.edges });
    const relisted = await client.processGraph(TUTORIAL_GRAPH_WITH_REPEATS);
    t.received(rounded(relisted));
    t.note(sameScores(relisted, scores) ? 'identical, bit for bit: the edges form a set, and every node has its self-loop already' : 'the scores CHANGED');

    t.step('Graphs the service refuses, each with the ids at fault');
    for (const [mistake, graph] of Object.entries(BAD_GRAPHS)) {
      t.note(`${mistake}:`);
      t.sent(PATH, printable(graph));
      await client.processGraph(graph).then(() => t.note('accepted?!'), refuse);
    }
    t.note('bytes that are no GraphData at all (a node of 5 bytes in a 3-byte message):');
    t.sent(PATH, '0a 05 0a');
    await client.processEncoded(Buffer.from('0a050a', 'hex')).then(() => t.note('accepted?!'), refuse);

    t.step(`A request of ${JUST_OVER_4_MIB.length.toLocaleString('en-US')} bytes: 256 nodes of 4,096 features, over grpc-js's default 4 MiB`);
    const wideScores = await client.processEncoded(JUST_OVER_4_MIB);
    t.note(`scored all ${wideScores.size} nodes: this server reads requests of up to 64 MiB`);
    return { refused };
  } finally {
    client.close();
    staticClient.close();
    loaderClient.close();
  }
}
