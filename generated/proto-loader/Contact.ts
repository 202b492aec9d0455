// Original file: protos/contact_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ClientMsg as _ClientMsg, ClientMsg__Output as _ClientMsg__Output } from './ClientMsg';
import type { Empty as _Empty, Empty__Output as _Empty__Output } from './Empty';
import type { Result as _Result, Result__Output as _Result__Output } from './Result';
import type { ServerMsg as _ServerMsg, ServerMsg__Output as _ServerMsg__Output } from './ServerMsg';

export interface ContactClient extends grpc.Client {
  /**
   * The client asks once; the server pushes tasks for as long as the stream lives.
   */
  getTask(argument: _Empty, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ServerMsg__Output>;
  getTask(argument: _Empty, options?: grpc.CallOptions): grpc.ClientReadableStream<_ServerMsg__Output>;
  
  /**
   * Bidirectional status channel.
   */
  sendStatus(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_ClientMsg, _Result__Output>;
  sendStatus(options?: grpc.CallOptions): grpc.ClientDuplexStream<_ClientMsg, _Result__Output>;
  
  /**
   * The client reports results of the tasks it was given.
   */
  tellResult(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_Empty__Output>): grpc.ClientWritableStream<_Result>;
  tellResult(metadata: grpc.Metadata, callback: grpc.requestCallback<_Empty__Output>): grpc.ClientWritableStream<_Result>;
  tellResult(options: grpc.CallOptions, callback: grpc.requestCallback<_Empty__Output>): grpc.ClientWritableStream<_Result>;
  tellResult(callback: grpc.requestCallback<_Empty__Output>): grpc.ClientWritableStream<_Result>;
  
}

export interface ContactHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The client asks once; the server pushes tasks for as long as the stream lives.
   */
  getTask: grpc.handleServerStreamingCall<_Empty__Output, _ServerMsg>;
  
  /**
   * Bidirectional status channel.
   */
  sendStatus: grpc.handleBidiStreamingCall<_ClientMsg__Output, _Result>;
  
  /**
   * The client reports results of the tasks it was given.
   */
  tellResult: grpc.handleClientStreamingCall<_Result__Output, _Empty>;
  
}

export interface ContactDefinition extends grpc.ServiceDefinition {
  getTask: MethodDefinition<_Empty, _ServerMsg, _Empty__Output, _ServerMsg__Output>
  sendStatus: MethodDefinition<_ClientMsg, _Result, _ClientMsg__Output, _Result__Output>
  tellResult: MethodDefinition<_Result, _Empty, _Result__Output, _Empty__Output>
}
