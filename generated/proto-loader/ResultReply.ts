// Original file: protos/calculator.proto


/**
 * A result that does not fit in int32 is refused with OUT_OF_RANGE rather
 * than wrapped: see chapter 03.
 */
export interface ResultReply {
  'number'?: (number);
}

/**
 * A result that does not fit in int32 is refused with OUT_OF_RANGE rather
 * than wrapped: see chapter 03.
 */
export interface ResultReply__Output {
  'number': (number);
}
