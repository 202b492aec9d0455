// Matrix table for chapter 06's GCNService, with the random-feature model and
// grpc-js's default 4 MiB receive limit, as its tests start it. Its handler
// decodes the request itself and checks every byte: malformed requests get
// INVALID_ARGUMENT saying what is wrong, not INTERNAL.
import { status } from '@grpc/grpc-js';
import * as gcn from '../../../../generated/static/gcn.ts';
import { addGcnService } from '../../../06-gcn-scoring/gcn-service.ts';
import { startServer } from '../../../shared/server.ts';
import { lengthField } from '../hostile-bytes.ts';
import type { MatrixServer } from '../matrix.ts';

const bytes = (message: { serialize(): Uint8Array }) => Buffer.from(message.serialize());
const { INVALID_ARGUMENT } = status;
const processGraph = gcn.UnimplementedGCNServiceService.definition.ProcessGraph;

const TRIANGLE = gcn.GraphData.fromObject({
  nodes: [
    { id: 'a', features: [1, 0] },
    { id: 'b', features: [0, 1] },
    { id: 'c', features: [1, 1] },
  ],
  edges: [
    { source_id: 'a', target_id: 'b' },
    { source_id: 'b', target_id: 'c' },
  ],
});
const node = (id: string, features: number[]) => lengthField(1, bytes(new gcn.Node({ id, features })));
const edge = (from: string, to: string) => lengthField(2, bytes(new gcn.Edge({ source_id: from, target_id: to })));

export const chapter06Server: MatrixServer = {
  name: '06 GCNService',
  start: () => startServer((server) => addGcnService(server)),
  rows: [
    {
      method: processGraph,
      valid: bytes(TRIANGLE),
      malformed: INVALID_ARGUMENT,
      // A graph with no nodes is refused.
      answers: { empty: INVALID_ARGUMENT, unknownFields: INVALID_ARGUMENT, bigUnknownField: INVALID_ARGUMENT },
      extra: [
        { name: 'a feature that is NaN', bytes: Buffer.concat([node('a', [Number.NaN, 0]), node('b', [0, 1])]), expect: INVALID_ARGUMENT },
        { name: 'an edge to a node that is not there', bytes: Buffer.concat([node('a', [1]), edge('a', 'zz')]), expect: INVALID_ARGUMENT },
        { name: 'the same node id twice', bytes: Buffer.concat([node('a', [1]), node('a', [2])]), expect: INVALID_ARGUMENT },
        { name: 'nodes with different numbers of features', bytes: Buffer.concat([node('a', [1]), node('b', [1, 2])]), expect: INVALID_ARGUMENT },
      ],
    },
  ],
  followUp: { method: processGraph, request: bytes(TRIANGLE) },
};
