import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Edge as _Edge, Edge__Output as _Edge__Output } from './Edge';
import type { GCNResult as _GCNResult, GCNResult__Output as _GCNResult__Output } from './GCNResult';
import type { GCNServiceClient as _GCNServiceClient, GCNServiceDefinition as _GCNServiceDefinition } from './GCNService';
import type { GraphData as _GraphData, GraphData__Output as _GraphData__Output } from './GraphData';
import type { Node as _Node, Node__Output as _Node__Output } from './Node';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  Edge: MessageTypeDefinition<_Edge, _Edge__Output>
  GCNResult: MessageTypeDefinition<_GCNResult, _GCNResult__Output>
  GCNService: SubtypeConstructor<typeof grpc.Client, _GCNServiceClient> & { service: _GCNServiceDefinition }
  GraphData: MessageTypeDefinition<_GraphData, _GraphData__Output>
  Node: MessageTypeDefinition<_Node, _Node__Output>
}

