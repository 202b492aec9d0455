// The calls every client of a service makes, with the exact outcome each must
// see, whichever language the client and the server are written in. The
// Python and Go clients make the same calls (see python/*_client.py and
// go/src/workbook/peers/*-client); the tests compare what they print with
// `expected`.
import { status } from '@grpc/grpc-js';
import type { ProtoGrpcType as GcnProto } from '../../generated/proto-loader/gcn.ts';
import type { ProtoGrpcType as HelloProto } from '../../generated/proto-loader/hello.ts';
import type { ProtoGrpcType as OutliersProto } from '../../generated/proto-loader/outliers.ts';
import type { ProtoGrpcType as UsersProto } from '../../generated/proto-loader/users.ts';
import { loadProto } from '../shared/proto-loader.ts';
import { originalDataSet, valuesOnly } from './originals/original-data-set.ts';
import { scenarioCall, type ScenarioCall } from './pairings/ts-client.ts';

export const greeter = loadProto<HelloProto>('hello.proto').helloworld.Greeter.service;
export const myService = loadProto<UsersProto>('users.proto').MyService.service;
export const outliers = loadProto<OutliersProto>('outliers.proto').pb.Outliers.service;
export const gcn = loadProto<GcnProto>('gcn.proto').GCNService.service;

export const greeterScenario: ScenarioCall[] = [
  scenarioCall(greeter.SayHello, { name: 'World' }, { reply: { message: 'Hello, World' } }),
  scenarioCall(greeter.SayHelloAgain, { name: 'Ada' }, { reply: { message: 'Hello again, Ada' } }),
  // Three languages, one UTF-8 string on the wire.
  scenarioCall(greeter.SayHello, { name: 'Grüße 👋' }, { reply: { message: 'Hello, Grüße 👋' } }),
  scenarioCall(greeter.SayHello, { name: '' }, { code: status.INVALID_ARGUMENT, details: 'name must not be empty' }),
];

export const myServiceScenario: ScenarioCall[] = [
  scenarioCall(myService.Health, {}, { reply: {} }),
  scenarioCall(myService.User, { userIDs: [1, 2] }, {
    reply: {
      message: 'success',
      data: [
        { name: 'Amara Okafor', age: 34, email: 'amara@example.com' },
        { name: 'Bao Tran', age: 28, email: 'bao@example.com' },
      ],
    },
  }),
  scenarioCall(myService.User, { userIDs: [2, 7, 9] }, { code: status.NOT_FOUND, details: 'no users with ids 7, 9' }),
  scenarioCall(myService.User, { userIDs: [0, -3] }, { code: status.INVALID_ARGUMENT, details: 'user ids are positive; got 0, -3' }),
];

export const outliersScenario: ScenarioCall[] = [
  scenarioCall(outliers.Detect, { metrics: originalDataSet() }, { reply: { indices: [7, 113, 835] } }),
  // The article says this example gives [2, 5]. The 2σ rule gives [5]: with
  // 200 in the data, σ is 72.2, and 100 is only 56 from the mean of 44.
  scenarioCall(outliers.Detect, { metrics: valuesOnly(1, 2, 100, 1, 3, 200, 1) }, { reply: { indices: [5] } }),
  scenarioCall(outliers.Detect, { metrics: valuesOnly(1, 2, NaN, 4) }, {
    code: status.INVALID_ARGUMENT,
    details: 'metrics[2].value is NaN; values must be finite numbers',
  }),
];

// A path, A - B - C - D, with two features per node. Chapter 06's model is
// untrained (weights drawn from a seeded generator), so the scores mean
// nothing; but every server must compute the same ones, to float32 rounding.
const pathNodes = [
  { id: 'A', features: [1, 0.5] },
  { id: 'B', features: [-1, 2] },
  { id: 'C', features: [0.25, 3] },
  { id: 'D', features: [2, -1] },
];
const edge = (source_id: string, target_id: string) => ({ source_id, target_id });
const pathScores = { reply: { node_scores: { A: 0.3972079, B: 0.4033741, C: 0.4579163, D: 0.5097849 } } };

export const gcnScenario: ScenarioCall[] = [
  scenarioCall(gcn.ProcessGraph, { nodes: pathNodes, edges: [edge('A', 'B'), edge('B', 'C'), edge('C', 'D')] }, pathScores),
  // Edges are an undirected set, and every node already has its self-loop:
  // listing an edge backwards, twice, or from a node to itself changes nothing.
  scenarioCall(
    gcn.ProcessGraph,
    { nodes: pathNodes, edges: [edge('B', 'A'), edge('A', 'B'), edge('C', 'B'), edge('D', 'C'), edge('D', 'D')] },
    pathScores,
  ),
  // Every kind of mistake in one answer, in the order first met.
  scenarioCall(
    gcn.ProcessGraph,
    {
      nodes: [{ id: 'A', features: [1, 2] }, { id: 'B', features: [1, 2, 3] }, { id: 'A', features: [3, 4] }],
      edges: [edge('A', 'E')],
    },
    {
      code: status.INVALID_ARGUMENT,
      details:
        'invalid graph: every node needs as many features as the first ("A": 2): "B" has 3; ' +
        'node ids must be unique: "A" (nodes #0 and #2); edges must join nodes of the graph: #0 "A" → "E" (no node "E")',
    },
  ),
  scenarioCall(gcn.ProcessGraph, { nodes: [], edges: [] }, { code: status.INVALID_ARGUMENT, details: 'invalid graph: it has no nodes' }),
];
