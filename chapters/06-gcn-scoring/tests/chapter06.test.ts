import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { credentials, status } from '@grpc/grpc-js';
import type { ProtoGrpcType as GcnProto } from '../../../generated/proto-loader/gcn.ts';
import * as gcn from '../../../generated/static/gcn.ts';
import { callUnary } from '../../shared/client.ts';
import { unaryHandler } from '../../shared/handlers.ts';
import { loadProto } from '../../shared/proto-loader.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { runScript, startServerScript } from '../../shared/testing.ts';
import { GcnClient } from '../gcn-client.ts';
import { scoreGraph } from '../model/gcn.ts';
import { addGcnService, GCN_SERVER_OPTIONS } from '../gcn-service.ts';
import { decodeGraph } from '../codec/graph-decoder.ts';
import { encodeGraph, type GraphMessage } from '../codec/graph-encoder.ts';
import { glorotWeights, randomFeatureModel, trainedModel } from '../model/models.ts';
import { BAD_GRAPHS, TUTORIAL_GRAPH, TUTORIAL_GRAPH_WITH_REPEATS } from '../tour/sample-graphs.ts';

const gcnProto = loadProto<GcnProto>('gcn.proto');

let server: RunningServer;
let client: GcnClient;

before(async () => {
  server = await startServer(addGcnService, { serverOptions: GCN_SERVER_OPTIONS });
  client = new GcnClient(server.address);
});
after(async () => {
  client.close();
  await server.stop();
});

describe('ProcessGraph', () => {
  test("scores the tutorial's graph as the model does in-process, the same for every kind of client", async () => {
    const graph = decodeGraph(encodeGraph(TUTORIAL_GRAPH));
    const expected = scoreGraph(graph, randomFeatureModel().weightsFor(3));
    const scores = await client.processGraph(TUTORIAL_GRAPH);
    assert.deepEqual(scores, new Map([['node1', expected[0]], ['node2', expected[1]]]));
    assert.ok(expected[0] > 0 && expected[0] < 1);

    const staticClient = new gcn.GCNServiceClient(server.address, credentials.createInsecure());
    const loaderClient = new gcnProto.GCNService(server.address, credentials.createInsecure());
    try {
      const fromStatic = await callUnary(staticClient.ProcessGraph, gcn.GraphData.fromObject(TUTORIAL_GRAPH));
      assert.deepEqual(fromStatic.node_scores, scores);
      const fromLoader = await callUnary(loaderClient.ProcessGraph.bind(loaderClient), TUTORIAL_GRAPH);
      assert.deepEqual(fromLoader.node_scores, Object.fromEntries(scores));
    } finally {
      staticClient.close();
      loaderClient.close();
    }
  });

  test('the same graph twice, or with its edges repeated, reversed and a self-loop added: the same scores', async () => {
    const first = await client.processGraph(TUTORIAL_GRAPH);
    assert.deepEqual(await client.processGraph(TUTORIAL_GRAPH), first);
    assert.deepEqual(await client.processGraph(TUTORIAL_GRAPH_WITH_REPEATS), first);
  });

  test('a graph without edges scores every node on its own features', async () => {
    const scores = await client.processGraph({ nodes: TUTORIAL_GRAPH.nodes, edges: [] });
    assert.equal(scores.size, 2);
    assert.notEqual(scores.get('node1'), scores.get('node2'));
  });
});

describe('bad input is INVALID_ARGUMENT naming the ids at fault', () => {
  const expected: Record<keyof typeof BAD_GRAPHS, string> = {
    'an edge to a node that is not there': 'invalid graph: edges must join nodes of the graph: #1 "b" → "c" (no node "c")',
    'the same id twice': 'invalid graph: node ids must be unique: "a" (nodes #0 and #2)',
    'feature vectors of different lengths': 'invalid graph: every node needs as many features as the first ("a": 3): "b" has 2',
    'NaN and infinite features': 'invalid graph: features must be finite numbers: "a"[1] is NaN, "b"[0] is Infinity',
    'no nodes at all': 'invalid graph: it has no nodes',
  };
  for (const [mistake, graph] of Object.entries(BAD_GRAPHS)) {
    test(mistake, async () => {
      await assert.rejects(client.processGraph(graph), { code: status.INVALID_ARGUMENT, details: expected[mistake] });
    });
  }

  test('every kind of mistake in one message, five examples each, the rest counted', async () => {
    const graph: GraphMessage = {
      nodes: [
        { id: 'a', features: [1, 2] },
        { id: '', features: [1, 2] },
        { id: 'b', features: [] },
        { id: 'a', features: [Number.NEGATIVE_INFINITY, 2] },
      ],
      edges: Array.from({ length: 7 }, (_, i) => ({ source_id: 'a', target_id: `x${i}` })).concat({ source_id: '', target_id: 'a' }),
    };
    await assert.rejects(client.processGraph(graph), {
      code: status.INVALID_ARGUMENT,
      details:
        'invalid graph: every node needs an id: node #1 has none; ' +
        'every node needs at least one feature: "b" has none; ' +
        'node ids must be unique: "a" (nodes #0 and #3); ' +
        'features must be finite numbers: "a"[0] is -Infinity; ' +
        'edges must join nodes of the graph: #0 "a" → "x0" (no node "x0"), #1 "a" → "x1" (no node "x1"), ' +
        '#2 "a" → "x2" (no node "x2"), #3 "a" → "x3" (no node "x3"), #4 "a" → "x4" (no node "x4"), and 3 more',
    });
  });

  test('more than 4,096 features per node', async () => {
    const graph: GraphMessage = { nodes: [{ id: 'wide', features: new Array<number>(4_097).fill(0) }], edges: [] };
    await assert.rejects(client.processGraph(graph), {
      code: status.INVALID_ARGUMENT,
      details: 'invalid graph: at most 4,096 features per node: "wide" has 4,097',
    });
    graph.nodes[0].features.pop();
    assert.equal((await client.processGraph(graph)).size, 1);
  });

  test('malformed bytes', async () => {
    await assert.rejects(client.processEncoded(Buffer.from('0a050a', 'hex')), {
      code: status.INVALID_ARGUMENT,
      details: 'malformed GraphData at byte 1: a field of 5 bytes runs past the end of its message (byte 3)',
    });
  });

  test('a trained model refuses graphs of another feature width', async () => {
    const model = trainedModel(glorotWeights(34, 16, 1), 'a 34-feature model');
    const trained = await startServer((s) => addGcnService(s, model));
    const trainedClient = new GcnClient(trained.address);
    try {
      await assert.rejects(trainedClient.processGraph(TUTORIAL_GRAPH), {
        code: status.INVALID_ARGUMENT,
        details: "this model (a 34-feature model) takes 34 features per node; the graph's nodes have 3",
      });
    } finally {
      trainedClient.close();
      await trained.stop();
    }
  });

  test('why the server decodes in its handler: a deserializer that throws makes grpc-js answer INTERNAL', async () => {
    // The generated definition decodes with google-protobuf before any handler runs.
    const generated = await startServer((s) =>
      s.addService(gcn.UnimplementedGCNServiceService.definition, {
        ProcessGraph: unaryHandler(() => new gcn.GCNResult()),
      }),
    );
    const generatedClient = new GcnClient(generated.address);
    try {
      await assert.rejects(generatedClient.processEncoded(Buffer.from('0a050a', 'hex')), {
        code: status.INTERNAL,
        details: 'Error deserializing request',
      });
    } finally {
      generatedClient.close();
      await generated.stop();
    }
  });
});

describe('split run: server.ts and client.ts in two processes', () => {
  test('the client makes every call and exits 0; Ctrl-C stops the server', async () => {
    const serverProcess = await startServerScript('chapters/06-gcn-scoring/server.ts');
    const run = await runScript('chapters/06-gcn-scoring/client.ts', ['--addr', serverProcess.address]);
    const stopped = await serverProcess.interrupt();
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /← \{"node1":0\.467,"node2":0\.467\}/);
    assert.match(run.stdout, /the same floats from all three clients/);
    assert.match(run.stdout, /identical, bit for bit/);
    assert.match(run.stdout, /scored all 256 nodes/);
    assert.match(run.stdout, /6 requests refused as intended \((INVALID_ARGUMENT, ){5}INVALID_ARGUMENT\)/);
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stdout, /GCNService \(untrained random-feature GCN\) listening on .*\n.*stopped\n$/s);
  });

  test('the client exits 1 with the status when no server is there', async () => {
    const stopped = await startServerScript('chapters/06-gcn-scoring/server.ts');
    await stopped.interrupt();
    const run = await runScript('chapters/06-gcn-scoring/client.ts', ['--addr', stopped.address]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /client failed: UNAVAILABLE \(14\)/);
  });
});
