// Original file: protos/compute.proto


export interface HelloRequest {
  'helloworld'?: (string);
}

export interface HelloRequest__Output {
  'helloworld': (string);
}
