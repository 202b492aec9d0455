// Original file: protos/contact_service.proto


export interface Result {
  'ret'?: (string);
}

export interface Result__Output {
  'ret': (string);
}
