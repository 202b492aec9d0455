// Exercise 01-B: encode helloworld.HelloRequest { name } by hand.
//
// HelloRequest has one field, `string name = 1;`. On the wire a string is a
// LEN field: the tag byte (field number << 3 | wire type 2), then the length
// of the UTF-8 bytes as a varint, then the bytes. proto3 does not send a field
// that holds its default value, so an empty name is encoded as no bytes at all.
//
//   encodeHelloRequest("World") → 0a 05 57 6f 72 6c 64
//
// Your bytes must equal what the generated class's serialize() produces.
// Check your work: npm run exercises -- 01

export function encodeHelloRequest(name: string): Uint8Array {
  // TODO: build the tag, the varint length and the UTF-8 payload (TextEncoder
  // gives the bytes; careful, "ü" is one character but two bytes).
  throw new Error(`TODO: encode HelloRequest { name: ${JSON.stringify(name)} }`);
}
