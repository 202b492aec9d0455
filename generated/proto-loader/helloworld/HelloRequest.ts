// Original file: protos/hello.proto


/**
 * The request message containing the user's name.
 */
export interface HelloRequest {
  'name'?: (string);
}

/**
 * The request message containing the user's name.
 */
export interface HelloRequest__Output {
  'name': (string);
}
