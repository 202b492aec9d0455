import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AddRequest as _AddRequest, AddRequest__Output as _AddRequest__Output } from './AddRequest';
import type { CalClient as _CalClient, CalDefinition as _CalDefinition } from './Cal';
import type { MultiplyRequest as _MultiplyRequest, MultiplyRequest__Output as _MultiplyRequest__Output } from './MultiplyRequest';
import type { ResultReply as _ResultReply, ResultReply__Output as _ResultReply__Output } from './ResultReply';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  AddRequest: MessageTypeDefinition<_AddRequest, _AddRequest__Output>
  Cal: SubtypeConstructor<typeof grpc.Client, _CalClient> & { service: _CalDefinition }
  MultiplyRequest: MessageTypeDefinition<_MultiplyRequest, _MultiplyRequest__Output>
  ResultReply: MessageTypeDefinition<_ResultReply, _ResultReply__Output>
}

