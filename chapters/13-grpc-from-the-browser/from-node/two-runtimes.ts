// The same HelloRequest in the workbook's two TypeScript runtimes:
// google-protobuf classes (generated/static, by protoc-gen-ts) and protobuf-es
// plain objects (generated/es, by protoc-gen-es).
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { HelloRequestSchema } from '../../../generated/es/hello_pb.ts';
import { helloworld } from '../../../generated/static/hello.ts';

/** HelloRequest{name} encoded by each runtime. */
export function helloRequestBytes(name: string): { googleProtobuf: Uint8Array; protobufEs: Uint8Array } {
  return {
    googleProtobuf: new helloworld.HelloRequest({ name }).serializeBinary(),
    protobufEs: toBinary(HelloRequestSchema, create(HelloRequestSchema, { name })),
  };
}

/**
 * Decodes `bytes` as a HelloRequest and encodes it again, in each runtime: what
 * a relay does. A field this HelloRequest does not know (a newer sender's) is
 * kept only by a runtime that keeps unknown fields.
 */
export function reencodedHelloRequest(bytes: Uint8Array): { googleProtobuf: Uint8Array; protobufEs: Uint8Array } {
  return {
    googleProtobuf: helloworld.HelloRequest.deserializeBinary(bytes).serializeBinary(),
    protobufEs: toBinary(HelloRequestSchema, fromBinary(HelloRequestSchema, bytes)),
  };
}
