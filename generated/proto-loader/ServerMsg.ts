// Original file: protos/contact_service.proto

import type { Long } from '@grpc/proto-loader';

export interface ServerMsg {
  'task'?: (string);
  /**
   * Added by the workbook (field 2 is new, so original clients skip it): the
   * task's number in its client's own queue, 1, 2, 3, ... 0 means "not set".
   */
  'id'?: (number | string | Long);
}

export interface ServerMsg__Output {
  'task': (string);
  /**
   * Added by the workbook (field 2 is new, so original clients skip it): the
   * task's number in its client's own queue, 1, 2, 3, ... 0 means "not set".
   */
  'id': (string);
}
