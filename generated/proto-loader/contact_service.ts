import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ClientMsg as _ClientMsg, ClientMsg__Output as _ClientMsg__Output } from './ClientMsg';
import type { ContactClient as _ContactClient, ContactDefinition as _ContactDefinition } from './Contact';
import type { Empty as _Empty, Empty__Output as _Empty__Output } from './Empty';
import type { Result as _Result, Result__Output as _Result__Output } from './Result';
import type { ServerMsg as _ServerMsg, ServerMsg__Output as _ServerMsg__Output } from './ServerMsg';
import type { TaskInboxClient as _TaskInboxClient, TaskInboxDefinition as _TaskInboxDefinition } from './TaskInbox';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  ClientMsg: MessageTypeDefinition<_ClientMsg, _ClientMsg__Output>
  Contact: SubtypeConstructor<typeof grpc.Client, _ContactClient> & { service: _ContactDefinition }
  Empty: MessageTypeDefinition<_Empty, _Empty__Output>
  Result: MessageTypeDefinition<_Result, _Result__Output>
  ServerMsg: MessageTypeDefinition<_ServerMsg, _ServerMsg__Output>
  /**
   * The original's other way to let a server speak first, "both ends are
   * servers": the client runs a server of its own with this service, and the
   * main server calls it to hand over a task. Added by the workbook; a new
   * service changes nothing for clients of Contact.
   */
  TaskInbox: SubtypeConstructor<typeof grpc.Client, _TaskInboxClient> & { service: _TaskInboxDefinition }
}

