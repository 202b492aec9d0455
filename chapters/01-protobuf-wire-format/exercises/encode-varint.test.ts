import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BinaryWriter } from 'google-protobuf';
import { importExercise } from '../../shared/exercise.ts';

const { encodeVarint } = await importExercise<typeof import('./encode-varint.ts')>(import.meta.url, 'encode-varint.ts');

/** What google-protobuf writes for the value, without the one-byte tag in front. */
function reference(value: number): number[] {
  const writer = new BinaryWriter();
  writer.writeInt32(1, value);
  return Array.from(writer.getResultBuffer().subarray(1));
}

test('small values fit in one byte', () => {
  assert.deepEqual(Array.from(encodeVarint(0)), [0x00]);
  assert.deepEqual(Array.from(encodeVarint(1)), [0x01]);
  assert.deepEqual(Array.from(encodeVarint(127)), [0x7f]);
});

test('300 is ac 02, as in the lesson', () => {
  assert.deepEqual(Array.from(encodeVarint(300)), [0xac, 0x02]);
});

test('matches google-protobuf across the int32 range', () => {
  for (const value of [128, 16383, 16384, 2097151, 2097152, 268435455, 268435456, 2147483647]) {
    assert.deepEqual(Array.from(encodeVarint(value)), reference(value), `value ${value}`);
  }
});

test('negative values take ten bytes', () => {
  assert.deepEqual(Array.from(encodeVarint(-1)), [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
  for (const value of [-2, -300, -2147483648]) {
    assert.deepEqual(Array.from(encodeVarint(value)), reference(value), `value ${value}`);
  }
});

test('values that are not int32 are refused, naming the value', () => {
  for (const value of [2147483648, -2147483649, 1.5, Number.NaN]) {
    assert.throws(() => encodeVarint(value), (error: unknown) => error instanceof RangeError && error.message.includes(String(value)));
  }
});
