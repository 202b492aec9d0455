// Original file: protos/users.proto

import type { User as _User, User__Output as _User__Output } from './User';

export interface UserReply {
  'message'?: (string);
  'data'?: (_User)[];
}

export interface UserReply__Output {
  'message': (string);
  'data': (_User__Output)[];
}
