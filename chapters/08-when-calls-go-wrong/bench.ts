// npx tsx chapters/08-when-calls-go-wrong/bench.ts (also part of npm run bench):
// the numbers the lesson quotes about hostile and huge messages.
//   1. How long google-protobuf 3.21 takes to give up on a string field that
//      claims more bytes than the message has, by size of the claim: the cost
//      grows with the claim, not with the bytes sent.
//   2. What the wire check costs per request, for a small request and a 4 MiB one.
//   3. Encoding and decoding a 4 MiB string in each runtime.
import { performance } from 'node:perf_hooks';
import { helloworld } from '../../generated/static/hello.ts';
import { helloProto } from '../02-unary-hello/dynamic-greeter.ts';
import { timeCalls } from '../shared/measure.ts';
import { checkMessage } from '../shared/wire-check.ts';
import { lengthField } from './bad-input/hostile-bytes.ts';
import { MiB } from './patterns/size-limits.ts';

const time = (micros: number) => (micros < 1_000 ? `${micros.toFixed(2)} µs` : `${(micros / 1000).toFixed(micros < 10_000 ? 2 : 0)} ms`);

console.log('google-protobuf deserializing HelloRequest whose name claims N bytes but brings 1 (one run each):');
let nanosPerClaimedByte = 0;
for (const claim of [MiB, 16 * MiB, 64 * MiB]) {
  const bytes = lengthField(1, Buffer.from('A'), claim);
  const start = performance.now();
  let outcome = 'decoded';
  try {
    helloworld.HelloRequest.deserialize(bytes);
  } catch (error) {
    outcome = `threw "${error instanceof Error ? error.message : String(error)}"`;
  }
  const elapsed = performance.now() - start;
  nanosPerClaimedByte = (elapsed * 1e6) / claim;
  console.log(`  ${String(claim / MiB).padStart(3)} MiB claimed, ${bytes.length} bytes sent: ${elapsed.toFixed(0).padStart(4)} ms, then ${outcome}`);
}
console.log(`  at ${nanosPerClaimedByte.toFixed(1)} ns per claimed byte, a 7-byte request claiming 4 GiB would block the event loop for ${((nanosPerClaimedByte * 2 ** 32) / 1e9).toFixed(0)} s or more`);
const fourGiB = lengthField(1, Buffer.from('A'), 0xffffffffn);
const refusal = timeCalls(() => {
  try {
    checkMessage(fourGiB, '.helloworld.HelloRequest');
  } catch {
    // refused, as it must be
  }
}, 200);
console.log(`  the wire check refuses that request in ${time(refusal.microsPerCall)}`);

console.log('The wire check on well-formed requests (median of 9 batches):');
const small = Buffer.from(new helloworld.HelloRequest({ name: 'World' }).serialize());
const big = Buffer.from(new helloworld.HelloRequest({ name: 'x'.repeat(4 * MiB - 16) }).serialize());
for (const [label, bytes] of [['HelloRequest "World"', small], ['HelloRequest, a 4 MiB name', big]] as const) {
  const check = timeCalls(() => checkMessage(bytes, '.helloworld.HelloRequest'), 500);
  const decode = timeCalls(() => helloworld.HelloRequest.deserialize(bytes), 500);
  console.log(`  ${label.padEnd(28)} check ${time(check.microsPerCall).padStart(9)}   google-protobuf decode ${time(decode.microsPerCall).padStart(9)}`);
}

console.log('A 4 MiB string, encoded and decoded (median of 9 batches):');
const name = 'x'.repeat(4 * MiB);
const codec = helloProto.helloworld.HelloRequest;
const encoded = Buffer.from(new helloworld.HelloRequest({ name }).serialize());
const runtimes = [
  ['google-protobuf (static stubs)', () => new helloworld.HelloRequest({ name }).serialize(), () => helloworld.HelloRequest.deserialize(encoded)],
  ['protobuf.js (proto-loader)', () => codec.serialize({ name }), () => codec.deserialize(encoded)],
] as const;
for (const [runtime, encode, decode] of runtimes) {
  console.log(`  ${runtime.padEnd(31)} encode ${time(timeCalls(encode, 1_000).microsPerCall).padStart(8)}   decode ${time(timeCalls(decode, 1_000).microsPerCall).padStart(8)}`);
}
