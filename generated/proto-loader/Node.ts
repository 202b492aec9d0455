// Original file: protos/gcn.proto


export interface Node {
  'id'?: (string);
  'features'?: (number | string)[];
}

export interface Node__Output {
  'id': (string);
  'features': (number)[];
}
