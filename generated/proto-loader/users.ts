import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { MyServiceClient as _MyServiceClient, MyServiceDefinition as _MyServiceDefinition } from './MyService';
import type { User as _User, User__Output as _User__Output } from './User';
import type { UserReply as _UserReply, UserReply__Output as _UserReply__Output } from './UserReply';
import type { UserReq as _UserReq, UserReq__Output as _UserReq__Output } from './UserReq';
import type { Empty as _google_protobuf_Empty, Empty__Output as _google_protobuf_Empty__Output } from './google/protobuf/Empty';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  MyService: SubtypeConstructor<typeof grpc.Client, _MyServiceClient> & { service: _MyServiceDefinition }
  User: MessageTypeDefinition<_User, _User__Output>
  UserReply: MessageTypeDefinition<_UserReply, _UserReply__Output>
  UserReq: MessageTypeDefinition<_UserReq, _UserReq__Output>
  google: {
    protobuf: {
      Empty: MessageTypeDefinition<_google_protobuf_Empty, _google_protobuf_Empty__Output>
    }
  }
}

