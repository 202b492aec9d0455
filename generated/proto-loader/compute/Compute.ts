// Original file: protos/compute.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { HelloReply as _compute_HelloReply, HelloReply__Output as _compute_HelloReply__Output } from '../compute/HelloReply';
import type { HelloRequest as _compute_HelloRequest, HelloRequest__Output as _compute_HelloRequest__Output } from '../compute/HelloRequest';

export interface ComputeClient extends grpc.Client {
  SayHello(argument: _compute_HelloRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_compute_HelloReply__Output>): grpc.ClientUnaryCall;
  SayHello(argument: _compute_HelloRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_compute_HelloReply__Output>): grpc.ClientUnaryCall;
  SayHello(argument: _compute_HelloRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_compute_HelloReply__Output>): grpc.ClientUnaryCall;
  SayHello(argument: _compute_HelloRequest, callback: grpc.requestCallback<_compute_HelloReply__Output>): grpc.ClientUnaryCall;
  sayHello(argument: _compute_HelloRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_compute_HelloReply__Output>): grpc.ClientUnaryCall;
  sayHello(argument: _compute_HelloRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_compute_HelloReply__Output>): grpc.ClientUnaryCall;
  sayHello(argument: _compute_HelloRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_compute_HelloReply__Output>): grpc.ClientUnaryCall;
  sayHello(argument: _compute_HelloRequest, callback: grpc.requestCallback<_compute_HelloReply__Output>): grpc.ClientUnaryCall;
  
}

export interface ComputeHandlers extends grpc.UntypedServiceImplementation {
  SayHello: grpc.handleUnaryCall<_compute_HelloRequest__Output, _compute_HelloReply>;
  
}

export interface ComputeDefinition extends grpc.ServiceDefinition {
  SayHello: MethodDefinition<_compute_HelloRequest, _compute_HelloReply, _compute_HelloRequest__Output, _compute_HelloReply__Output>
}
