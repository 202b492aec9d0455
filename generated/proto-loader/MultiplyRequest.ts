// Original file: protos/calculator.proto


export interface MultiplyRequest {
  'number1'?: (number);
  'number2'?: (number);
}

export interface MultiplyRequest__Output {
  'number1': (number);
  'number2': (number);
}
