// Original file: protos/outliers.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../google/protobuf/Timestamp';

export interface Metric {
  'time'?: (_google_protobuf_Timestamp | null);
  'name'?: (string);
  'value'?: (number | string);
}

export interface Metric__Output {
  'time': (_google_protobuf_Timestamp__Output | null);
  'name': (string);
  'value': (number);
}
