// Chapter 01: what protobuf puts on the wire. No network yet: just bytes.
import { AddRequest } from '../../generated/static/calculator.ts';
import { helloworld } from '../../generated/static/hello.ts';
import { runTour } from '../shared/chapter.ts';
import { median } from '../shared/measure.ts';
import type { Transcript } from '../shared/transcript.ts';
import { encodeEmptyNameWithProtoLoader, encodeHelloRequestV2, readWithProtoLoader, readWithStaticStub } from './evolution.ts';
import { formatSizes, jsonSpeedRounds, READINGS } from './size-and-speed.ts';
import { hex, walkFields, type WireField } from './wire-walker.ts';

function explain(field: WireField): string {
  const tag = `field ${field.fieldNumber}, ${field.wireType}`;
  if (typeof field.value === 'bigint') return `${hex(field.bytes)}  ← ${tag}, value ${field.value}`;
  return `${hex(field.bytes)}  ← ${tag}, ${field.value.length} bytes: ${JSON.stringify(Buffer.from(field.value).toString('utf8'))}`;
}

async function tour(t: Transcript): Promise<string> {
  t.step('Serialize HelloRequest { name: "World" } with the generated class');
  const request = new helloworld.HelloRequest({ name: 'World' });
  const bytes = request.serialize();
  t.note(`${bytes.length} bytes: ${hex(bytes)}`);
  for (const field of walkFields(bytes)) t.note(explain(field));
  t.note('0x0a = field number 1 << 3 | wire type 2 (LEN); then the length 5; then UTF-8 "World".');

  t.step('Parse the bytes back');
  t.note(`HelloRequest.deserialize(...).name = ${JSON.stringify(helloworld.HelloRequest.deserialize(bytes).name)}`);

  t.step('Default values are not sent');
  t.note(`HelloRequest { name: "" } → ${new helloworld.HelloRequest({ name: '' }).serialize().length} bytes`);
  const add = new AddRequest({ number1: 300, number2: 0 }).serialize();
  t.note(`AddRequest { number1: 300, number2: 0 } → ${hex(add)}  (number2 is absent; 300 is the varint ac 02)`);
  t.note(`proto-loader given { name: "" } writes ${hex(encodeEmptyNameWithProtoLoader())}: also valid, and it decodes the same.`);
  t.note('So two correct encoders can disagree on bytes: compare messages, never their encodings.');

  t.step('Varints: small numbers are short, negative int32 is not');
  for (const [number1, number2] of [[1, 127], [128, 2147483647], [-1, 0]] as const) {
    const encoded = new AddRequest({ number1, number2 }).serialize();
    t.note(`AddRequest { number1: ${number1}, number2: ${number2} } → ${hex(encoded)}`);
  }
  t.note('-1 takes ten bytes: int32 is sign-extended to 64 bits. Use sint32 for fields that are often negative.');

  t.step('A v2 writer adds `string language = 2;` — what does a v1 reader do?');
  const v2 = encodeHelloRequestV2('World', 'fr');
  t.note(`v2 bytes: ${hex(v2)}`);
  const viaStatic = readWithStaticStub(v2);
  const viaLoader = readWithProtoLoader(v2);
  t.note(`static stub reads name ${JSON.stringify(viaStatic.name)}, passes on ${hex(viaStatic.reencoded)}`);
  t.note(`proto-loader reads name ${JSON.stringify(viaLoader.name)}, passes on ${hex(viaLoader.reencoded)}`);
  t.note('Old readers keep working. Both Node runtimes drop the unknown field when they re-encode, though.');

  t.step(`Protobuf vs JSON for ${READINGS.toLocaleString('en-US')} CPU readings (this machine, now)`);
  const sizes = formatSizes();
  for (const { format, bytes: size } of sizes) t.note(`${format.padEnd(41)} ${size.toLocaleString('en-US').padStart(7)} B`);
  const [protobuf, , json] = sizes;
  t.note(`protobuf is ${(json.bytes / protobuf.bytes).toFixed(1)}× smaller than JSON.`);
  const rounds = jsonSpeedRounds(5, 5);
  const spread = (ratios: number[]) =>
    `${median(ratios).toFixed(1)}× (${Math.min(...ratios).toFixed(1)}× to ${Math.max(...ratios).toFixed(1)}×)`;
  t.note(
    `Against google-protobuf, the median of ${rounds.parse.length} short rounds (and their range): ` +
      `JSON.stringify is ${spread(rounds.stringify)} as fast, JSON.parse ${spread(rounds.parse)}.`,
  );
  t.note('Short rounds swing with the machine\'s load; for steadier numbers: npx tsx chapters/01-protobuf-wire-format/bench.ts');

  return (
    `01 protobuf wire format: "World" → ${hex(bytes)}; ${READINGS.toLocaleString('en-US')} readings: ` +
    `protobuf ${protobuf.bytes.toLocaleString('en-US')} B vs JSON ${json.bytes.toLocaleString('en-US')} B`
  );
}

await runTour('Chapter 01 · protobuf on the wire', tour);
