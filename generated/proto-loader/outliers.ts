import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp';
import type { Metric as _pb_Metric, Metric__Output as _pb_Metric__Output } from './pb/Metric';
import type { OutliersClient as _pb_OutliersClient, OutliersDefinition as _pb_OutliersDefinition } from './pb/Outliers';
import type { OutliersRequest as _pb_OutliersRequest, OutliersRequest__Output as _pb_OutliersRequest__Output } from './pb/OutliersRequest';
import type { OutliersResponse as _pb_OutliersResponse, OutliersResponse__Output as _pb_OutliersResponse__Output } from './pb/OutliersResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
  pb: {
    Metric: MessageTypeDefinition<_pb_Metric, _pb_Metric__Output>
    Outliers: SubtypeConstructor<typeof grpc.Client, _pb_OutliersClient> & { service: _pb_OutliersDefinition }
    OutliersRequest: MessageTypeDefinition<_pb_OutliersRequest, _pb_OutliersRequest__Output>
    OutliersResponse: MessageTypeDefinition<_pb_OutliersResponse, _pb_OutliersResponse__Output>
  }
}

