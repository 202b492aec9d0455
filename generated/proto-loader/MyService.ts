// Original file: protos/users.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Empty as _google_protobuf_Empty, Empty__Output as _google_protobuf_Empty__Output } from './google/protobuf/Empty';
import type { UserReply as _UserReply, UserReply__Output as _UserReply__Output } from './UserReply';
import type { UserReq as _UserReq, UserReq__Output as _UserReq__Output } from './UserReq';

export interface MyServiceClient extends grpc.Client {
  /**
   * Answers an empty message while the service is up.
   */
  Health(argument: _google_protobuf_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_google_protobuf_Empty__Output>): grpc.ClientUnaryCall;
  Health(argument: _google_protobuf_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_google_protobuf_Empty__Output>): grpc.ClientUnaryCall;
  Health(argument: _google_protobuf_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_google_protobuf_Empty__Output>): grpc.ClientUnaryCall;
  Health(argument: _google_protobuf_Empty, callback: grpc.requestCallback<_google_protobuf_Empty__Output>): grpc.ClientUnaryCall;
  /**
   * Answers an empty message while the service is up.
   */
  health(argument: _google_protobuf_Empty, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_google_protobuf_Empty__Output>): grpc.ClientUnaryCall;
  health(argument: _google_protobuf_Empty, metadata: grpc.Metadata, callback: grpc.requestCallback<_google_protobuf_Empty__Output>): grpc.ClientUnaryCall;
  health(argument: _google_protobuf_Empty, options: grpc.CallOptions, callback: grpc.requestCallback<_google_protobuf_Empty__Output>): grpc.ClientUnaryCall;
  health(argument: _google_protobuf_Empty, callback: grpc.requestCallback<_google_protobuf_Empty__Output>): grpc.ClientUnaryCall;
  
  /**
   * Looks up several users in one call.
   */
  User(argument: _UserReq, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_UserReply__Output>): grpc.ClientUnaryCall;
  User(argument: _UserReq, metadata: grpc.Metadata, callback: grpc.requestCallback<_UserReply__Output>): grpc.ClientUnaryCall;
  User(argument: _UserReq, options: grpc.CallOptions, callback: grpc.requestCallback<_UserReply__Output>): grpc.ClientUnaryCall;
  User(argument: _UserReq, callback: grpc.requestCallback<_UserReply__Output>): grpc.ClientUnaryCall;
  /**
   * Looks up several users in one call.
   */
  user(argument: _UserReq, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_UserReply__Output>): grpc.ClientUnaryCall;
  user(argument: _UserReq, metadata: grpc.Metadata, callback: grpc.requestCallback<_UserReply__Output>): grpc.ClientUnaryCall;
  user(argument: _UserReq, options: grpc.CallOptions, callback: grpc.requestCallback<_UserReply__Output>): grpc.ClientUnaryCall;
  user(argument: _UserReq, callback: grpc.requestCallback<_UserReply__Output>): grpc.ClientUnaryCall;
  
}

export interface MyServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Answers an empty message while the service is up.
   */
  Health: grpc.handleUnaryCall<_google_protobuf_Empty__Output, _google_protobuf_Empty>;
  
  /**
   * Looks up several users in one call.
   */
  User: grpc.handleUnaryCall<_UserReq__Output, _UserReply>;
  
}

export interface MyServiceDefinition extends grpc.ServiceDefinition {
  Health: MethodDefinition<_google_protobuf_Empty, _google_protobuf_Empty, _google_protobuf_Empty__Output, _google_protobuf_Empty__Output>
  User: MethodDefinition<_UserReq, _UserReply, _UserReq__Output, _UserReply__Output>
}
