// int32 arithmetic that refuses to wrap. The wire type int32 holds
// -2147483648 to 2147483647; a result outside that range is answered with
// OUT_OF_RANGE instead of a silently wrong number.
import { status } from '@grpc/grpc-js';
import { RpcError } from '../shared/rpc-error.ts';

export const INT32_MIN = -(2 ** 31);
export const INT32_MAX = 2 ** 31 - 1;

/**
 * `value` if it fits in int32, else OUT_OF_RANGE naming the whole expression.
 * The inputs are int32s, so their sum or product is computed exactly whenever it
 * is within ±2^53; beyond that the double is rounded, but rounding cannot bring
 * it back inside the int32 range, so the check stays right.
 */
export function checkedInt32(value: number, expression: string): number {
  if (value < INT32_MIN || value > INT32_MAX) {
    throw new RpcError(
      status.OUT_OF_RANGE,
      `${expression} = ${BigInt(value)} does not fit in int32 (${INT32_MIN} to ${INT32_MAX})`,
    );
  }
  return value;
}
