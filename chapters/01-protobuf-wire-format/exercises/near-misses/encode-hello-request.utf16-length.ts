// Near-miss for exercise 01-B: the reference solution, except that it counts UTF-16 units instead of UTF-8 bytes for the length.
// The exercise's test must fail against it (the workbook checks that it does).

const NAME_FIELD = 1;
const WIRE_TYPE_LEN = 2;

export function encodeHelloRequest(name: string): Uint8Array {
  if (name === '') return new Uint8Array(0); // default values are not sent
  const payload = new TextEncoder().encode(name);
  const header = [(NAME_FIELD << 3) | WIRE_TYPE_LEN];
  let length = name.length;
  while (length >= 0x80) {
    header.push((length & 0x7f) | 0x80);
    length >>>= 7;
  }
  header.push(length);
  const bytes = new Uint8Array(header.length + payload.length);
  bytes.set(header);
  bytes.set(payload, header.length);
  return bytes;
}
