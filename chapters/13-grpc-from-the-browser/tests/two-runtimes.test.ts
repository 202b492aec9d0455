import assert from 'node:assert/strict';
import { test } from 'node:test';
import { create, toJson } from '@bufbuild/protobuf';
import { HelloRequestSchema } from '../../../generated/es/hello_pb.ts';
import { helloworld } from '../../../generated/static/hello.ts';
import { helloRequestBytes, reencodedHelloRequest } from '../from-node/two-runtimes.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

test('both runtimes write the same bytes for HelloRequest', () => {
  for (const name of ['World', '', 'Grüße 👋', 'x'.repeat(300)]) {
    const { googleProtobuf, protobufEs } = helloRequestBytes(name);
    assert.equal(hex(protobufEs), hex(googleProtobuf), JSON.stringify(name));
  }
  assert.equal(hex(helloRequestBytes('World').protobufEs), '0a05576f726c64');
});

test('protobuf-es keeps a field it does not know; google-protobuf (protoc-gen-ts) drops it', () => {
  // HelloRequest{name: "World"}, then field 2 from a newer sender: tag 10 (field 2, varint), 150 as 96 01.
  const withUnknown = Uint8Array.from(Buffer.from('0a05576f726c64109601', 'hex'));
  const { googleProtobuf, protobufEs } = reencodedHelloRequest(withUnknown);
  assert.equal(hex(protobufEs), '0a05576f726c64109601');
  assert.equal(hex(googleProtobuf), '0a05576f726c64');
});

test('protobuf-es messages are plain objects; google-protobuf messages are class instances', () => {
  const plain = create(HelloRequestSchema, { name: 'World' });
  assert.deepEqual({ ...plain }, { $typeName: 'helloworld.HelloRequest', name: 'World' });
  assert.equal(Object.getPrototypeOf(plain), Object.prototype);
  assert.deepEqual(structuredClone(plain), plain, 'a plain object survives structuredClone (postMessage, workers)');
  assert.deepEqual(toJson(HelloRequestSchema, plain), { name: 'World' });

  const instance = new helloworld.HelloRequest({ name: 'World' });
  assert.ok(instance instanceof helloworld.HelloRequest);
  assert.equal(instance.name, 'World');
  assert.deepEqual(instance.toObject(), { name: 'World' });
});
