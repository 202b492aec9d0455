// Original file: protos/outliers.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { OutliersRequest as _pb_OutliersRequest, OutliersRequest__Output as _pb_OutliersRequest__Output } from '../pb/OutliersRequest';
import type { OutliersResponse as _pb_OutliersResponse, OutliersResponse__Output as _pb_OutliersResponse__Output } from '../pb/OutliersResponse';

export interface OutliersClient extends grpc.Client {
  Detect(argument: _pb_OutliersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pb_OutliersResponse__Output>): grpc.ClientUnaryCall;
  Detect(argument: _pb_OutliersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pb_OutliersResponse__Output>): grpc.ClientUnaryCall;
  Detect(argument: _pb_OutliersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pb_OutliersResponse__Output>): grpc.ClientUnaryCall;
  Detect(argument: _pb_OutliersRequest, callback: grpc.requestCallback<_pb_OutliersResponse__Output>): grpc.ClientUnaryCall;
  detect(argument: _pb_OutliersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pb_OutliersResponse__Output>): grpc.ClientUnaryCall;
  detect(argument: _pb_OutliersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pb_OutliersResponse__Output>): grpc.ClientUnaryCall;
  detect(argument: _pb_OutliersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pb_OutliersResponse__Output>): grpc.ClientUnaryCall;
  detect(argument: _pb_OutliersRequest, callback: grpc.requestCallback<_pb_OutliersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Added after Detect, in the same service: a new method is a new path
   * (/pb.Outliers/DetectStream), so clients of Detect are unaffected. For
   * requests too large for one message: the client streams the metrics in
   * batches, and the server answers once, after the last batch.
   */
  DetectStream(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pb_OutliersResponse__Output>): grpc.ClientWritableStream<_pb_OutliersRequest>;
  DetectStream(metadata: grpc.Metadata, callback: grpc.requestCallback<_pb_OutliersResponse__Output>): grpc.ClientWritableStream<_pb_OutliersRequest>;
  DetectStream(options: grpc.CallOptions, callback: grpc.requestCallback<_pb_OutliersResponse__Output>): grpc.ClientWritableStream<_pb_OutliersRequest>;
  DetectStream(callback: grpc.requestCallback<_pb_OutliersResponse__Output>): grpc.ClientWritableStream<_pb_OutliersRequest>;
  /**
   * Added after Detect, in the same service: a new method is a new path
   * (/pb.Outliers/DetectStream), so clients of Detect are unaffected. For
   * requests too large for one message: the client streams the metrics in
   * batches, and the server answers once, after the last batch.
   */
  detectStream(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pb_OutliersResponse__Output>): grpc.ClientWritableStream<_pb_OutliersRequest>;
  detectStream(metadata: grpc.Metadata, callback: grpc.requestCallback<_pb_OutliersResponse__Output>): grpc.ClientWritableStream<_pb_OutliersRequest>;
  detectStream(options: grpc.CallOptions, callback: grpc.requestCallback<_pb_OutliersResponse__Output>): grpc.ClientWritableStream<_pb_OutliersRequest>;
  detectStream(callback: grpc.requestCallback<_pb_OutliersResponse__Output>): grpc.ClientWritableStream<_pb_OutliersRequest>;
  
}

export interface OutliersHandlers extends grpc.UntypedServiceImplementation {
  Detect: grpc.handleUnaryCall<_pb_OutliersRequest__Output, _pb_OutliersResponse>;
  
  /**
   * Added after Detect, in the same service: a new method is a new path
   * (/pb.Outliers/DetectStream), so clients of Detect are unaffected. For
   * requests too large for one message: the client streams the metrics in
   * batches, and the server answers once, after the last batch.
   */
  DetectStream: grpc.handleClientStreamingCall<_pb_OutliersRequest__Output, _pb_OutliersResponse>;
  
}

export interface OutliersDefinition extends grpc.ServiceDefinition {
  Detect: MethodDefinition<_pb_OutliersRequest, _pb_OutliersResponse, _pb_OutliersRequest__Output, _pb_OutliersResponse__Output>
  DetectStream: MethodDefinition<_pb_OutliersRequest, _pb_OutliersResponse, _pb_OutliersRequest__Output, _pb_OutliersResponse__Output>
}
