// Original file: protos/hello.proto


/**
 * The response message containing the greeting.
 */
export interface HelloReply {
  'message'?: (string);
}

/**
 * The response message containing the greeting.
 */
export interface HelloReply__Output {
  'message': (string);
}
