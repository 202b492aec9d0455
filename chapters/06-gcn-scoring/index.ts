// Chapter 06: a graph convolutional network behind GCNService.ProcessGraph,
// with a hand-written protobuf codec, checked input, a trained model on real
// data, and the 4 MiB message limit every large request meets.
import { performance } from 'node:perf_hooks';
import { isServiceError } from '../shared/client.ts';
import { runTour } from '../shared/chapter.ts';
import { startServer } from '../shared/server.ts';
import type { Transcript } from '../shared/transcript.ts';
import { GcnClient } from './gcn-client.ts';
import { addGcnService, GCN_SERVER_OPTIONS } from './gcn-service.ts';
import { KARATE_PICTURE } from './tour/karate-picture.ts';
import { KARATE_TRAINING, loadKarateClub, misplaced, trainOnLeaders } from './model/karate.ts';
import { JUST_OVER_4_MIB, TUTORIAL_GRAPH } from './tour/sample-graphs.ts';
import { rounded, walkThrough } from './tour/walkthrough.ts';

async function tour(t: Transcript): Promise<string> {
  const server = await startServer(addGcnService, { serverOptions: GCN_SERVER_OPTIONS });
  const karate = loadKarateClub();
  const started = performance.now();
  const model = trainOnLeaders(karate);
  const trainingMs = performance.now() - started;
  const karateServer = await startServer((s) => addGcnService(s, model), { serverOptions: GCN_SERVER_OPTIONS });
  const defaultServer = await startServer(addGcnService); // grpc-js's default limits
  const clients: GcnClient[] = [];
  const open = (address: string) => {
    const client = new GcnClient(address);
    clients.push(client);
    return client;
  };
  try {
    t.step(`GCNService on ${server.address}: an untrained GCN with fixed random weights`);
    t.note('Its scores are a deterministic function of the graph, not predictions: see the lesson.');
    const { refused } = await walkThrough(server.address, t);
    const refuse = (error: unknown) => {
      if (!isServiceError(error)) throw error;
      refused.push(t.failed(error));
    };

    t.step(`The same ${JUST_OVER_4_MIB.length.toLocaleString('en-US')}-byte request to a server left at grpc-js's defaults (${defaultServer.address})`);
    await open(defaultServer.address).processEncoded(JUST_OVER_4_MIB).then(() => t.note('accepted?!'), refuse);
    t.note("The server refused to read it: raise 'grpc.max_receive_message_length' on the side that receives.");

    t.step(`Zachary's karate club: ${karate.clubs.size} members, ${karate.edges.length} friendships, and the club split in two`);
    t.note(`Trained in ${trainingMs.toFixed(0)} ms: ${KARATE_TRAINING.epochs} steps of gradient descent, told only the clubs`);
    t.note('of member 0 (the instructor, Mr. Hi) and member 33 (the administrator, Officer).');
    t.note(`Served at ${karateServer.address}; score = probability of being in Mr. Hi's club.`);
    const karateClient = open(karateServer.address);
    t.sent('/GCNService/ProcessGraph', { nodes: '34 members, identity features', edges: `${karate.edges.length} friendships` });
    const scores = await karateClient.processGraph(karate.request);
    t.received(rounded(scores));
    const wrong = misplaced(karate, scores);
    const right = karate.clubs.size - wrong.length;
    t.note(`${right} of ${karate.clubs.size} members placed in their real club; misplaced: ${wrong.join(', ') || 'none'}.`);
    t.note(`Picture: ${KARATE_PICTURE.slice(KARATE_PICTURE.lastIndexOf('docs/'))}`);

    t.step('A trained model only takes the features it was trained on');
    t.sent('/GCNService/ProcessGraph', TUTORIAL_GRAPH);
    await karateClient.processGraph(TUTORIAL_GRAPH).then(() => t.note('accepted?!'), refuse);

    const counts = new Map<string, number>();
    for (const name of refused) counts.set(name, (counts.get(name) ?? 0) + 1);
    const refusals = [...counts].map(([name, count]) => `${count} × ${name}`).join(', ');
    return `06 gcn scoring: karate club ${right}/${karate.clubs.size} placed right from 2 labels; refused ${refusals}`;
  } finally {
    for (const client of clients) client.close();
    await Promise.all([server.stop(), karateServer.stop(), defaultServer.stop()]);
  }
}

await runTour('Chapter 06 · GCNService.ProcessGraph: graph convolution behind gRPC', tour);
