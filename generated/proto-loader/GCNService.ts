// Original file: protos/gcn.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GCNResult as _GCNResult, GCNResult__Output as _GCNResult__Output } from './GCNResult';
import type { GraphData as _GraphData, GraphData__Output as _GraphData__Output } from './GraphData';

export interface GCNServiceClient extends grpc.Client {
  ProcessGraph(argument: _GraphData, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_GCNResult__Output>): grpc.ClientUnaryCall;
  ProcessGraph(argument: _GraphData, metadata: grpc.Metadata, callback: grpc.requestCallback<_GCNResult__Output>): grpc.ClientUnaryCall;
  ProcessGraph(argument: _GraphData, options: grpc.CallOptions, callback: grpc.requestCallback<_GCNResult__Output>): grpc.ClientUnaryCall;
  ProcessGraph(argument: _GraphData, callback: grpc.requestCallback<_GCNResult__Output>): grpc.ClientUnaryCall;
  processGraph(argument: _GraphData, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_GCNResult__Output>): grpc.ClientUnaryCall;
  processGraph(argument: _GraphData, metadata: grpc.Metadata, callback: grpc.requestCallback<_GCNResult__Output>): grpc.ClientUnaryCall;
  processGraph(argument: _GraphData, options: grpc.CallOptions, callback: grpc.requestCallback<_GCNResult__Output>): grpc.ClientUnaryCall;
  processGraph(argument: _GraphData, callback: grpc.requestCallback<_GCNResult__Output>): grpc.ClientUnaryCall;
  
}

export interface GCNServiceHandlers extends grpc.UntypedServiceImplementation {
  ProcessGraph: grpc.handleUnaryCall<_GraphData__Output, _GCNResult>;
  
}

export interface GCNServiceDefinition extends grpc.ServiceDefinition {
  ProcessGraph: MethodDefinition<_GraphData, _GCNResult, _GraphData__Output, _GCNResult__Output>
}
