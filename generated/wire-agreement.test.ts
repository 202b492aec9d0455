// The static stubs (google-protobuf) and proto-loader (protobuf.js) are two
// independent implementations of protos/. For every message type, a populated
// value encoded by one must decode to the same value through the other.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as protoLoader from '@grpc/proto-loader';
import type { MessageTypeDefinition } from '@grpc/proto-loader';
import { LOADER_OPTIONS, PROTOS_DIR, loadProto } from '../chapters/shared/proto-loader.ts';
import { protoFiles } from './generate.ts';
import type { ProtoGrpcType as CalculatorProto } from './proto-loader/calculator.ts';
import type { ProtoGrpcType as ComputeProto } from './proto-loader/compute.ts';
import type { ProtoGrpcType as ContactProto } from './proto-loader/contact_service.ts';
import type { ProtoGrpcType as ErrorDetailsProto } from './proto-loader/error_details.ts';
import type { ProtoGrpcType as GcnProto } from './proto-loader/gcn.ts';
import type { ProtoGrpcType as HelloProto } from './proto-loader/hello.ts';
import type { ProtoGrpcType as OutliersProto } from './proto-loader/outliers.ts';
import type { ProtoGrpcType as RouteGuideProto } from './proto-loader/route_guide.ts';
import type { ProtoGrpcType as StatusProto } from './proto-loader/status.ts';
import type { ProtoGrpcType as UsersProto } from './proto-loader/users.ts';
import * as calculator from './static/calculator.ts';
import { compute } from './static/compute.ts';
import * as contact from './static/contact_service.ts';
import * as gcn from './static/gcn.ts';
import { google as googleAny } from './static/google/protobuf/any.ts';
import { google as googleEmpty } from './static/google/protobuf/empty.ts';
import { google as googleTimestamp } from './static/google/protobuf/timestamp.ts';
import { google as googleErrorDetails } from './static/google/rpc/error_details.ts';
import { google as googleStatus } from './static/google/rpc/status.ts';
import { helloworld } from './static/hello.ts';
import { pb } from './static/outliers.ts';
import { routeguide } from './static/route_guide.ts';
import * as users from './static/users.ts';

interface StaticMessage {
  serialize(): Uint8Array;
  toObject(): object;
}

interface AgreementCase {
  typeName: string;
  check(): void;
}

/**
 * `staticValue` and `loaderValue` are the same message written for each
 * runtime (proto-loader reads int64 as a string, absent messages as null).
 */
function agreement<M extends StaticMessage, In, Out>(
  typeName: string,
  staticClass: { deserialize(bytes: Uint8Array): M },
  staticValue: M,
  codec: MessageTypeDefinition<In, Out>,
  loaderValue: In & Out,
): AgreementCase {
  return {
    typeName,
    check() {
      const staticBytes = Buffer.from(staticValue.serialize());
      const allowedEmpty = typeName.endsWith('Empty');
      assert.ok(staticBytes.length > 0 || allowedEmpty, `${typeName}: the sample should not be all defaults`);
      assert.deepEqual(codec.deserialize(staticBytes), loaderValue, `${typeName}: static bytes → proto-loader`);
      const loaderBytes = codec.serialize(loaderValue);
      const roundTripped = staticClass.deserialize(loaderBytes).toObject();
      assert.deepEqual(roundTripped, staticValue.toObject(), `${typeName}: proto-loader bytes → static`);
    },
  };
}

const hello = loadProto<HelloProto>('hello.proto');
const computeProto = loadProto<ComputeProto>('compute.proto');
const calc = loadProto<CalculatorProto>('calculator.proto');
const usersProto = loadProto<UsersProto>('users.proto');
const routes = loadProto<RouteGuideProto>('route_guide.proto');
const contactProto = loadProto<ContactProto>('contact_service.proto');
const gcnProto = loadProto<GcnProto>('gcn.proto');
const outliers = loadProto<OutliersProto>('outliers.proto');
const statusProto = loadProto<StatusProto>('google/rpc/status.proto');
const errorDetails = loadProto<ErrorDetailsProto>('google/rpc/error_details.proto');

const point = { latitude: 409146138, longitude: -746188906 };
const otherPoint = { latitude: -413628156, longitude: 749015468 };
const user = { name: 'Elif Yılmaz', age: 23, email: 'elif@example.net' };
const graph = {
  nodes: [
    { id: 'n1', features: [1] },
    { id: 'n2', features: [0.5] },
  ],
  edges: [{ source_id: 'n1', target_id: 'n2' }],
};
const metric = { time: { seconds: '1767268800', nanos: 250000000 }, name: 'cpu', value: 97.3 };
const violation = { field: 'lo.latitude', description: 'latitude must be from -90° to 90°, got 91°' };
// google-protobuf reads bytes as a Uint8Array, protobuf.js as a Buffer.
const packedBytes = [0x0a, 0x02, 0x08, 0x07];
const packed = { type_url: 'type.googleapis.com/google.rpc.BadRequest', value: Buffer.from(packedBytes) };
const staticPacked = () => ({ type_url: packed.type_url, value: Uint8Array.from(packedBytes) });

const cases: AgreementCase[] = [
  agreement(
    'helloworld.HelloRequest',
    helloworld.HelloRequest,
    new helloworld.HelloRequest({ name: 'Grüße 👋' }),
    hello.helloworld.HelloRequest,
    { name: 'Grüße 👋' },
  ),
  agreement(
    'helloworld.HelloReply',
    helloworld.HelloReply,
    new helloworld.HelloReply({ message: 'Hello, World' }),
    hello.helloworld.HelloReply,
    { message: 'Hello, World' },
  ),
  agreement(
    'compute.HelloRequest',
    compute.HelloRequest,
    new compute.HelloRequest({ helloworld: '123456' }),
    computeProto.compute.HelloRequest,
    { helloworld: '123456' },
  ),
  agreement(
    'compute.HelloReply',
    compute.HelloReply,
    new compute.HelloReply({ result: '6' }),
    computeProto.compute.HelloReply,
    { result: '6' },
  ),
  agreement(
    'AddRequest',
    calculator.AddRequest,
    new calculator.AddRequest({ number1: -2147483648, number2: 2147483647 }),
    calc.AddRequest,
    { number1: -2147483648, number2: 2147483647 },
  ),
  agreement(
    'MultiplyRequest',
    calculator.MultiplyRequest,
    new calculator.MultiplyRequest({ number1: -7, number2: 300 }),
    calc.MultiplyRequest,
    { number1: -7, number2: 300 },
  ),
  agreement(
    'ResultReply',
    calculator.ResultReply,
    new calculator.ResultReply({ number: -1 }),
    calc.ResultReply,
    { number: -1 },
  ),
  agreement(
    'google.protobuf.Empty',
    googleEmpty.protobuf.Empty,
    new googleEmpty.protobuf.Empty(),
    usersProto.google.protobuf.Empty,
    {},
  ),
  agreement(
    'UserReq',
    users.UserReq,
    new users.UserReq({ userIDs: [1, 300, -5, 2147483647] }),
    usersProto.UserReq,
    { userIDs: [1, 300, -5, 2147483647] },
  ),
  agreement('User', users.User, new users.User(user), usersProto.User, user),
  agreement(
    'UserReply',
    users.UserReply,
    users.UserReply.fromObject({ message: 'success', data: [user, user] }),
    usersProto.UserReply,
    { message: 'success', data: [user, user] },
  ),
  agreement(
    'routeguide.Point',
    routeguide.Point,
    new routeguide.Point(point),
    routes.routeguide.Point,
    point,
  ),
  agreement(
    'routeguide.Rectangle',
    routeguide.Rectangle,
    routeguide.Rectangle.fromObject({ lo: point, hi: otherPoint }),
    routes.routeguide.Rectangle,
    { lo: point, hi: otherPoint },
  ),
  agreement(
    'routeguide.Feature',
    routeguide.Feature,
    routeguide.Feature.fromObject({ name: 'Berkshire Valley', location: point }),
    routes.routeguide.Feature,
    { name: 'Berkshire Valley', location: point },
  ),
  agreement(
    'routeguide.RouteNote',
    routeguide.RouteNote,
    routeguide.RouteNote.fromObject({ location: point, message: 'first' }),
    routes.routeguide.RouteNote,
    { location: point, message: 'first' },
  ),
  agreement(
    'routeguide.RouteSummary',
    routeguide.RouteSummary,
    new routeguide.RouteSummary({ point_count: 10, feature_count: 3, distance: 123456, elapsed_time: 42 }),
    routes.routeguide.RouteSummary,
    { point_count: 10, feature_count: 3, distance: 123456, elapsed_time: 42 },
  ),
  agreement(
    'ClientMsg',
    contact.ClientMsg,
    new contact.ClientMsg({ msg: 'ready' }),
    contactProto.ClientMsg,
    { msg: 'ready' },
  ),
  agreement(
    'ServerMsg',
    contact.ServerMsg,
    new contact.ServerMsg({ task: 'task-1', id: 9007199254740991 }),
    contactProto.ServerMsg,
    { task: 'task-1', id: '9007199254740991' },
  ),
  agreement('Empty', contact.Empty, new contact.Empty(), contactProto.Empty, {}),
  agreement(
    'Result',
    contact.Result,
    new contact.Result({ ret: 'done', task_id: 7 }),
    contactProto.Result,
    { ret: 'done', task_id: '7' },
  ),
  agreement(
    'Node',
    gcn.Node,
    new gcn.Node({ id: 'n1', features: [0.5, -1.25, 3] }),
    gcnProto.Node,
    { id: 'n1', features: [0.5, -1.25, 3] },
  ),
  agreement(
    'Edge',
    gcn.Edge,
    new gcn.Edge({ source_id: 'n1', target_id: 'n2' }),
    gcnProto.Edge,
    { source_id: 'n1', target_id: 'n2' },
  ),
  agreement(
    'GraphData',
    gcn.GraphData,
    gcn.GraphData.fromObject(graph),
    gcnProto.GraphData,
    graph,
  ),
  agreement(
    'GCNResult',
    gcn.GCNResult,
    gcn.GCNResult.fromObject({ node_scores: { n1: 0.25, n2: 0.75 } }),
    gcnProto.GCNResult,
    { node_scores: { n1: 0.25, n2: 0.75 } },
  ),
  agreement(
    'google.protobuf.Timestamp',
    googleTimestamp.protobuf.Timestamp,
    new googleTimestamp.protobuf.Timestamp({ seconds: 1767268800, nanos: 250000000 }),
    outliers.google.protobuf.Timestamp,
    { seconds: '1767268800', nanos: 250000000 },
  ),
  agreement(
    'pb.Metric',
    pb.Metric,
    pb.Metric.fromObject({ ...metric, time: { seconds: 1767268800, nanos: 250000000 } }),
    outliers.pb.Metric,
    metric,
  ),
  agreement(
    'pb.OutliersRequest',
    pb.OutliersRequest,
    pb.OutliersRequest.fromObject({ metrics: [{ ...metric, time: { seconds: 1767268800, nanos: 250000000 } }] }),
    outliers.pb.OutliersRequest,
    { metrics: [metric] },
  ),
  agreement(
    'pb.OutliersResponse',
    pb.OutliersResponse,
    new pb.OutliersResponse({ indices: [7, 113, 835] }),
    outliers.pb.OutliersResponse,
    { indices: [7, 113, 835] },
  ),
  agreement(
    'google.protobuf.Any',
    googleAny.protobuf.Any,
    new googleAny.protobuf.Any(staticPacked()),
    statusProto.google.protobuf.Any,
    packed,
  ),
  agreement(
    'google.rpc.Status',
    googleStatus.rpc.Status,
    googleStatus.rpc.Status.fromObject({ code: 3, message: 'bad rectangle', details: [staticPacked()] }),
    statusProto.google.rpc.Status,
    { code: 3, message: 'bad rectangle', details: [packed] },
  ),
  agreement(
    'google.rpc.BadRequest',
    googleErrorDetails.rpc.BadRequest,
    googleErrorDetails.rpc.BadRequest.fromObject({ field_violations: [violation, violation] }),
    errorDetails.google.rpc.BadRequest,
    { field_violations: [violation, violation] },
  ),
];

test('every message type in protos/ has an agreement case', () => {
  const definition = protoLoader.loadSync(protoFiles(), { ...LOADER_OPTIONS, includeDirs: [PROTOS_DIR] });
  const messageTypes = Object.entries(definition)
    .filter(([, type]) => 'format' in type && type.format === 'Protocol Buffer 3 DescriptorProto')
    .map(([name]) => name)
    .sort();
  assert.deepEqual(cases.map((c) => c.typeName).sort(), messageTypes);
});

for (const agreementCase of cases) {
  test(`${agreementCase.typeName}: static stubs and proto-loader agree on the wire`, () => agreementCase.check());
}
