// Original file: protos/compute.proto


export interface HelloReply {
  'result'?: (string);
}

export interface HelloReply__Output {
  'result': (string);
}
