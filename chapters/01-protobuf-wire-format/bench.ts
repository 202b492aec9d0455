// npx tsx chapters/01-protobuf-wire-format/bench.ts (also part of npm run bench):
// the tour's protobuf-vs-JSON measurement, given a full second per timing so
// the numbers settle. The lesson quotes this command's output.
import { compareFormats, READINGS } from './size-and-speed.ts';

const results = compareFormats(1_000);
console.log(`${READINGS.toLocaleString('en-US')} CPU readings, median of 9 batches, about 1 s per timing:`);
console.log(`  ${'format'.padEnd(41)} ${'bytes'.padStart(7)}   ${'encode µs'.padStart(9)}   ${'decode µs'.padStart(9)}`);
for (const { format, bytes, encode, decode } of results) {
  console.log(
    `  ${format.padEnd(41)} ${bytes.toLocaleString('en-US').padStart(7)}   ` +
      `${encode.microsPerCall.toFixed(0).padStart(9)}   ${decode.microsPerCall.toFixed(0).padStart(9)}`,
  );
}
const [staticStubs, protobufJs, json] = results;
const times = (slow: number, fast: number) => `${(slow / fast).toFixed(1)}×`;
console.log(`JSON is ${times(json.bytes, staticStubs.bytes)} the size of protobuf.`);
console.log(
  `JSON.stringify is ${times(staticStubs.encode.microsPerCall, json.encode.microsPerCall)} as fast as google-protobuf's serialize, ` +
    `${times(protobufJs.encode.microsPerCall, json.encode.microsPerCall)} as fast as protobuf.js's encode.`,
);
console.log(
  `JSON.parse is ${times(staticStubs.decode.microsPerCall, json.decode.microsPerCall)} as fast as google-protobuf's deserialize, ` +
    `${times(protobufJs.decode.microsPerCall, json.decode.microsPerCall)} as fast as protobuf.js's decode.`,
);
