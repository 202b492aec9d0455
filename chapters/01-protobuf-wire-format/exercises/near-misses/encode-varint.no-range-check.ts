// Near-miss for exercise 01-A: the reference solution, except that it does not refuse a number outside the int32 range.
// The exercise's test must fail against it (the workbook checks that it does).

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export function encodeVarint(value: number): Uint8Array {
  if (!Number.isInteger(value)) {
    throw new RangeError(`${value} is not an int32`);
  }
  // Negative int32 values are sign-extended to 64 bits before encoding.
  let remaining = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  do {
    const low7 = Number(remaining & 0x7fn);
    remaining >>= 7n;
    bytes.push(remaining > 0n ? low7 | 0x80 : low7);
  } while (remaining > 0n);
  return Uint8Array.from(bytes);
}
