// What happens when one side knows a newer version of a message than the
// other. Version 2 of HelloRequest would add `string language = 2;`; we write
// its bytes with the low-level BinaryWriter, which needs no .proto at all.
import { BinaryWriter } from 'google-protobuf';
import { helloworld } from '../../generated/static/hello.ts';
import { loadProto } from '../shared/proto-loader.ts';
import type { ProtoGrpcType as HelloProto } from '../../generated/proto-loader/hello.ts';

/** HelloRequest as a v2 writer would send it: name = 1 and the new language = 2. */
export function encodeHelloRequestV2(name: string, language: string): Uint8Array {
  const writer = new BinaryWriter();
  writer.writeString(1, name);
  writer.writeString(2, language);
  return writer.getResultBuffer();
}

export interface OldReaderView {
  /** What the v1 reader understood. */
  name: string;
  /** The bytes it writes when it passes the message on. */
  reencoded: Uint8Array;
}

/** A v1 reader with the static stubs (google-protobuf runtime). */
export function readWithStaticStub(bytes: Uint8Array): OldReaderView {
  const message = helloworld.HelloRequest.deserialize(bytes);
  return { name: message.name, reencoded: message.serialize() };
}

const helloProto = loadProto<HelloProto>('hello.proto');

/** A v1 reader with proto-loader (protobuf.js runtime). */
export function readWithProtoLoader(bytes: Uint8Array): OldReaderView {
  const codec = helloProto.helloworld.HelloRequest;
  const message = codec.deserialize(Buffer.from(bytes));
  return { name: message.name, reencoded: codec.serialize(message) };
}

/** protobuf.js writes a field it was given even when it holds the default value. */
export function encodeEmptyNameWithProtoLoader(): Uint8Array {
  return helloProto.helloworld.HelloRequest.serialize({ name: '' });
}
