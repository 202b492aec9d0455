// Exercise 01-A: encode an int32 as a protobuf varint, by hand.
//
// A varint stores 7 bits per byte, least significant group first; every byte
// except the last has its high bit (0x80) set. Protobuf's int32 is encoded as
// a 64-bit two's-complement number, so a negative value always takes 10 bytes.
//
//   encodeVarint(1)    → 01
//   encodeVarint(300)  → ac 02
//   encodeVarint(-1)   → ff ff ff ff ff ff ff ff ff 01
//
// Anything that is not a whole number in the int32 range
// [-2147483648, 2147483647] throws a RangeError whose message contains the value.
//
// Check your work: npm run exercises -- 01

export function encodeVarint(value: number): Uint8Array {
  // TODO: validate `value`, then emit 7 bits at a time (hint: BigInt.asUintN(64, …)
  // turns a negative number into the 64-bit pattern protobuf writes).
  throw new Error(`TODO: encode ${value} as a varint`);
}
