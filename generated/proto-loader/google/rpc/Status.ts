// Original file: protos/google/rpc/status.proto

import type { Any as _google_protobuf_Any, Any__Output as _google_protobuf_Any__Output } from '../../google/protobuf/Any';

export interface Status {
  /**
   * The status code: one of google.rpc.Code, the same numbers as grpc-status.
   */
  'code'?: (number);
  /**
   * A developer-facing message, the same text as grpc-message.
   */
  'message'?: (string);
  /**
   * Machine-readable details, each one packed in an Any (BadRequest, ...).
   */
  'details'?: (_google_protobuf_Any)[];
}

export interface Status__Output {
  /**
   * The status code: one of google.rpc.Code, the same numbers as grpc-status.
   */
  'code': (number);
  /**
   * A developer-facing message, the same text as grpc-message.
   */
  'message': (string);
  /**
   * Machine-readable details, each one packed in an Any (BadRequest, ...).
   */
  'details': (_google_protobuf_Any__Output)[];
}
