import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AddRequest } from '../../generated/static/calculator.ts';
import { helloworld } from '../../generated/static/hello.ts';
import { cpuReadings } from './cpu-metrics.ts';
import {
  encodeEmptyNameWithProtoLoader,
  encodeHelloRequestV2,
  readWithProtoLoader,
  readWithStaticStub,
} from './evolution.ts';
import { compareFormats, jsonSpeedRounds } from './size-and-speed.ts';
import { hex, readVarint, walkFields } from './wire-walker.ts';

test('HelloRequest { name: "World" } is 0a 05 57 6f 72 6c 64 and reads back', () => {
  const bytes = new helloworld.HelloRequest({ name: 'World' }).serialize();
  assert.equal(hex(bytes), '0a 05 57 6f 72 6c 64');
  assert.equal(helloworld.HelloRequest.deserialize(bytes).name, 'World');
});

test('the walker names each field of an encoded message', () => {
  const fields = walkFields(new AddRequest({ number1: 300, number2: -1 }).serialize());
  assert.deepEqual(
    fields.map(({ fieldNumber, wireType, value }) => ({ fieldNumber, wireType, value })),
    [
      { fieldNumber: 1, wireType: 'VARINT', value: 300n },
      { fieldNumber: 2, wireType: 'VARINT', value: 2n ** 64n - 1n },
    ],
  );
  assert.equal(hex(fields[1].bytes), '10 ff ff ff ff ff ff ff ff ff 01');
});

test('the walker refuses truncated input, naming where it broke', () => {
  assert.throws(() => walkFields(Uint8Array.from([0x0a, 0x05, 0x57])), /field 1 at byte 0 runs past the end/);
  assert.throws(() => readVarint(Uint8Array.from([0xac]), 0), /varint at byte 0 runs past the end/);
  assert.throws(() => walkFields(Uint8Array.from([0x0b])), /wire type 3 is not one proto3 writes/);
});

test('default values are not sent by the static stubs', () => {
  assert.equal(new helloworld.HelloRequest({ name: '' }).serialize().length, 0);
  assert.equal(hex(new AddRequest({ number1: 300, number2: 0 }).serialize()), '08 ac 02');
});

test('protobuf.js writes an explicitly given default, which still decodes the same', () => {
  const bytes = encodeEmptyNameWithProtoLoader();
  assert.equal(hex(bytes), '0a 00');
  assert.equal(helloworld.HelloRequest.deserialize(bytes).name, '');
});

test('a v1 reader understands v2 bytes but drops the unknown field when re-encoding', () => {
  const v2 = encodeHelloRequestV2('World', 'fr');
  assert.equal(hex(v2), '0a 05 57 6f 72 6c 64 12 02 66 72');
  for (const read of [readWithStaticStub, readWithProtoLoader]) {
    const view = read(v2);
    assert.equal(view.name, 'World');
    assert.equal(hex(view.reencoded), '0a 05 57 6f 72 6c 64');
  }
});

test('the CPU readings are deterministic, one second apart, from 0 to 40', () => {
  const readings = cpuReadings(1000);
  assert.deepEqual(readings, cpuReadings(1000));
  assert.equal(readings[0].time, '2026-01-01T12:00:00Z');
  assert.equal(readings[999].time, '2026-01-01T12:16:39Z');
  assert.ok(readings.every(({ value }) => value >= 0 && value <= 40));
});

test('protobuf is 24,000 bytes for 1,000 readings where JSON is 58,638', () => {
  const results = compareFormats(1);
  assert.deepEqual(
    results.map(({ format, bytes }) => [format.split(' ')[0], bytes]),
    [
      ['protobuf', 24000],
      ['protobuf', 24000],
      ['JSON', 58638],
    ],
  );
  for (const { encode, decode } of results) {
    assert.ok(encode.microsPerCall > 0 && decode.microsPerCall > 0);
  }
});

test('the tour\'s speed rounds give one ratio per round for stringify and for parse', () => {
  const rounds = jsonSpeedRounds(3, 1);
  assert.equal(rounds.stringify.length, 3);
  assert.equal(rounds.parse.length, 3);
  assert.ok([...rounds.stringify, ...rounds.parse].every((ratio) => Number.isFinite(ratio) && ratio > 0));
});
