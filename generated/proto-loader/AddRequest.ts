// Original file: protos/calculator.proto


export interface AddRequest {
  'number1'?: (number);
  'number2'?: (number);
}

export interface AddRequest__Output {
  'number1': (number);
  'number2': (number);
}
