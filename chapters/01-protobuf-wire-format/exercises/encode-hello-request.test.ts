import assert from 'node:assert/strict';
import { test } from 'node:test';
import { helloworld } from '../../../generated/static/hello.ts';
import { importExercise } from '../../shared/exercise.ts';

const { encodeHelloRequest } = await importExercise<typeof import('./encode-hello-request.ts')>(
  import.meta.url,
  'encode-hello-request.ts',
);

const generated = (name: string) => Array.from(new helloworld.HelloRequest({ name }).serialize());

test('"World" encodes to the seven bytes of the lesson', () => {
  assert.deepEqual(Array.from(encodeHelloRequest('World')), [0x0a, 0x05, 0x57, 0x6f, 0x72, 0x6c, 0x64]);
});

test('an empty name is not sent at all', () => {
  assert.equal(encodeHelloRequest('').length, 0);
});

test('the length counts UTF-8 bytes, not characters', () => {
  for (const name of ['Grüße', '你好', '👋🏽 hi']) {
    assert.deepEqual(Array.from(encodeHelloRequest(name)), generated(name), JSON.stringify(name));
  }
});

test('a name of 128 bytes or more needs a two-byte length', () => {
  for (const length of [127, 128, 200, 20000]) {
    const name = 'a'.repeat(length);
    assert.deepEqual(Array.from(encodeHelloRequest(name)), generated(name), `${length} characters`);
  }
});

test('the generated class reads your bytes back', () => {
  assert.equal(helloworld.HelloRequest.deserialize(encodeHelloRequest('Ada Lovelace')).name, 'Ada Lovelace');
});
