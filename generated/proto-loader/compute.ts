import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ComputeClient as _compute_ComputeClient, ComputeDefinition as _compute_ComputeDefinition } from './compute/Compute';
import type { HelloReply as _compute_HelloReply, HelloReply__Output as _compute_HelloReply__Output } from './compute/HelloReply';
import type { HelloRequest as _compute_HelloRequest, HelloRequest__Output as _compute_HelloRequest__Output } from './compute/HelloRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  compute: {
    Compute: SubtypeConstructor<typeof grpc.Client, _compute_ComputeClient> & { service: _compute_ComputeDefinition }
    HelloReply: MessageTypeDefinition<_compute_HelloReply, _compute_HelloReply__Output>
    HelloRequest: MessageTypeDefinition<_compute_HelloRequest, _compute_HelloRequest__Output>
  }
}

