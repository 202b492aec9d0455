// Original file: protos/outliers.proto


export interface OutliersResponse {
  /**
   * Positions in OutliersRequest.metrics of the values judged outliers
   * (for DetectStream: positions in all the batches' metrics, end to end).
   */
  'indices'?: (number)[];
}

export interface OutliersResponse__Output {
  /**
   * Positions in OutliersRequest.metrics of the values judged outliers
   * (for DetectStream: positions in all the batches' metrics, end to end).
   */
  'indices': (number)[];
}
