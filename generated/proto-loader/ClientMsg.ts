// Original file: protos/contact_service.proto


export interface ClientMsg {
  'msg'?: (string);
}

export interface ClientMsg__Output {
  'msg': (string);
}
