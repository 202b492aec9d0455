// Original file: protos/google/rpc/error_details.proto


export interface _google_rpc_BadRequest_FieldViolation {
  /**
   * A path to the field: "lo.latitude", "metrics[3].value".
   */
  'field'?: (string);
  /**
   * What is wrong with it, for a developer to read.
   */
  'description'?: (string);
}

export interface _google_rpc_BadRequest_FieldViolation__Output {
  /**
   * A path to the field: "lo.latitude", "metrics[3].value".
   */
  'field': (string);
  /**
   * What is wrong with it, for a developer to read.
   */
  'description': (string);
}

/**
 * Which fields of a request were wrong, and why. Sent with INVALID_ARGUMENT.
 */
export interface BadRequest {
  'field_violations'?: (_google_rpc_BadRequest_FieldViolation)[];
}

/**
 * Which fields of a request were wrong, and why. Sent with INVALID_ARGUMENT.
 */
export interface BadRequest__Output {
  'field_violations': (_google_rpc_BadRequest_FieldViolation__Output)[];
}
