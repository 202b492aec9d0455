// Original file: protos/users.proto


export interface UserReq {
  'userIDs'?: (number)[];
}

export interface UserReq__Output {
  'userIDs': (number)[];
}
