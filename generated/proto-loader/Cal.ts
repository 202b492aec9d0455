// Original file: protos/calculator.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddRequest as _AddRequest, AddRequest__Output as _AddRequest__Output } from './AddRequest';
import type { MultiplyRequest as _MultiplyRequest, MultiplyRequest__Output as _MultiplyRequest__Output } from './MultiplyRequest';
import type { ResultReply as _ResultReply, ResultReply__Output as _ResultReply__Output } from './ResultReply';

export interface CalClient extends grpc.Client {
  Add(argument: _AddRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ResultReply__Output>): grpc.ClientUnaryCall;
  Add(argument: _AddRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ResultReply__Output>): grpc.ClientUnaryCall;
  Add(argument: _AddRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ResultReply__Output>): grpc.ClientUnaryCall;
  Add(argument: _AddRequest, callback: grpc.requestCallback<_ResultReply__Output>): grpc.ClientUnaryCall;
  add(argument: _AddRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ResultReply__Output>): grpc.ClientUnaryCall;
  add(argument: _AddRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ResultReply__Output>): grpc.ClientUnaryCall;
  add(argument: _AddRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ResultReply__Output>): grpc.ClientUnaryCall;
  add(argument: _AddRequest, callback: grpc.requestCallback<_ResultReply__Output>): grpc.ClientUnaryCall;
  
  Multiply(argument: _MultiplyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ResultReply__Output>): grpc.ClientUnaryCall;
  Multiply(argument: _MultiplyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ResultReply__Output>): grpc.ClientUnaryCall;
  Multiply(argument: _MultiplyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ResultReply__Output>): grpc.ClientUnaryCall;
  Multiply(argument: _MultiplyRequest, callback: grpc.requestCallback<_ResultReply__Output>): grpc.ClientUnaryCall;
  multiply(argument: _MultiplyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ResultReply__Output>): grpc.ClientUnaryCall;
  multiply(argument: _MultiplyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ResultReply__Output>): grpc.ClientUnaryCall;
  multiply(argument: _MultiplyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ResultReply__Output>): grpc.ClientUnaryCall;
  multiply(argument: _MultiplyRequest, callback: grpc.requestCallback<_ResultReply__Output>): grpc.ClientUnaryCall;
  
}

export interface CalHandlers extends grpc.UntypedServiceImplementation {
  Add: grpc.handleUnaryCall<_AddRequest__Output, _ResultReply>;
  
  Multiply: grpc.handleUnaryCall<_MultiplyRequest__Output, _ResultReply>;
  
}

export interface CalDefinition extends grpc.ServiceDefinition {
  Add: MethodDefinition<_AddRequest, _ResultReply, _AddRequest__Output, _ResultReply__Output>
  Multiply: MethodDefinition<_MultiplyRequest, _ResultReply, _MultiplyRequest__Output, _ResultReply__Output>
}
