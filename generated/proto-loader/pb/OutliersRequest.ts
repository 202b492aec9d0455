// Original file: protos/outliers.proto

import type { Metric as _pb_Metric, Metric__Output as _pb_Metric__Output } from '../pb/Metric';

export interface OutliersRequest {
  'metrics'?: (_pb_Metric)[];
}

export interface OutliersRequest__Output {
  'metrics': (_pb_Metric__Output)[];
}
