// Original file: protos/contact_service.proto


export interface ServerMsg {
  'task'?: (string);
}

export interface ServerMsg__Output {
  'task': (string);
}
