// Original file: protos/users.proto


export interface User {
  'name'?: (string);
  'age'?: (number);
  'email'?: (string);
}

export interface User__Output {
  'name': (string);
  'age': (number);
  'email': (string);
}
