// Original file: protos/gcn.proto


export interface GCNResult {
  /**
   * One score per node id.
   */
  'node_scores'?: ({[key: string]: number | string});
}

export interface GCNResult__Output {
  /**
   * One score per node id.
   */
  'node_scores': ({[key: string]: number});
}
