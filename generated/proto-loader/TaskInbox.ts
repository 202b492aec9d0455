// Original file: protos/contact_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Result as _Result, Result__Output as _Result__Output } from './Result';
import type { ServerMsg as _ServerMsg, ServerMsg__Output as _ServerMsg__Output } from './ServerMsg';

/**
 * The original's other way to let a server speak first, "both ends are
 * servers": the client runs a server of its own with this service, and the
 * main server calls it to hand over a task. Added by the workbook; a new
 * service changes nothing for clients of Contact.
 */
export interface TaskInboxClient extends grpc.Client {
  deliver(argument: _ServerMsg, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_Result__Output>): grpc.ClientUnaryCall;
  deliver(argument: _ServerMsg, metadata: grpc.Metadata, callback: grpc.requestCallback<_Result__Output>): grpc.ClientUnaryCall;
  deliver(argument: _ServerMsg, options: grpc.CallOptions, callback: grpc.requestCallback<_Result__Output>): grpc.ClientUnaryCall;
  deliver(argument: _ServerMsg, callback: grpc.requestCallback<_Result__Output>): grpc.ClientUnaryCall;
  
}

/**
 * The original's other way to let a server speak first, "both ends are
 * servers": the client runs a server of its own with this service, and the
 * main server calls it to hand over a task. Added by the workbook; a new
 * service changes nothing for clients of Contact.
 */
export interface TaskInboxHandlers extends grpc.UntypedServiceImplementation {
  deliver: grpc.handleUnaryCall<_ServerMsg__Output, _Result>;
  
}

export interface TaskInboxDefinition extends grpc.ServiceDefinition {
  deliver: MethodDefinition<_ServerMsg, _Result, _ServerMsg__Output, _Result__Output>
}
