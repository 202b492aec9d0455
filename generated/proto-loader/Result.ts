// Original file: protos/contact_service.proto

import type { Long } from '@grpc/proto-loader';

export interface Result {
  'ret'?: (string);
  /**
   * Added by the workbook: which task this result is for (ServerMsg.id).
   * tellResult needs it; sendStatus replies leave it 0.
   */
  'task_id'?: (number | string | Long);
}

export interface Result__Output {
  'ret': (string);
  /**
   * Added by the workbook: which task this result is for (ServerMsg.id).
   * tellResult needs it; sendStatus replies leave it 0.
   */
  'task_id': (string);
}
