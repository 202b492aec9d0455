// Original file: protos/gcn.proto


export interface Edge {
  'source_id'?: (string);
  'target_id'?: (string);
}

export interface Edge__Output {
  'source_id': (string);
  'target_id': (string);
}
