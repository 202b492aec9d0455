// A reflection client: asks a running server what it serves, with no .proto
// file at hand, the way grpcurl does. The protocol is one bidirectional
// stream, grpc.reflection.v1.ServerReflection/ServerReflectionInfo: each
// request (list services, file containing a symbol, …) gets one response.
import { createRequire } from 'node:module';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { ServerReflectionDefinition } from '@grpc/reflection/build/src/generated/grpc/reflection/v1/ServerReflection';
import type { ServerReflectionRequest } from '@grpc/reflection/build/src/generated/grpc/reflection/v1/ServerReflectionRequest';
import type { ServerReflectionResponse__Output } from '@grpc/reflection/build/src/generated/grpc/reflection/v1/ServerReflectionResponse';
import descriptorPb from 'google-protobuf/google/protobuf/descriptor_pb.js';
import { deadlineIn } from '../../shared/client.ts';
import { asGenerated } from '../../shared/proto-loader.ts';
import { RpcError } from '../../shared/rpc-error.ts';
import { openBidiStream } from './method-calls.ts';

const require = createRequire(import.meta.url);

/**
 * The reflection protocol's own .proto ships with @grpc/reflection, and so do
 * the types generated from it, with these options (camelCase field names).
 */
const reflectionProto = protoLoader.loadSync(require.resolve('@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto'), {
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});
const { ServerReflectionInfo } = asGenerated<ServerReflectionDefinition>(reflectionProto['grpc.reflection.v1.ServerReflection']);

export class ReflectionClient {
  readonly #client: grpc.Client;

  constructor(address: string) {
    this.#client = new grpc.Client(address, grpc.credentials.createInsecure());
  }

  /** The full names of the services the server describes. */
  async listServices(): Promise<string[]> {
    const { listServicesResponse } = await this.#ask({ listServices: '*' });
    return (listServicesResponse?.service ?? []).map((service) => service.name);
  }

  /** The file that defines `symbol` (a service, method, message or enum), and the files it needs. */
  async filesContaining(symbol: string): Promise<descriptorPb.FileDescriptorProto[]> {
    const { fileDescriptorResponse } = await this.#ask({ fileContainingSymbol: symbol });
    return (fileDescriptorResponse?.fileDescriptorProto ?? []).map((bytes) => descriptorPb.FileDescriptorProto.deserializeBinary(bytes));
  }

  close(): void {
    this.#client.close();
  }

  /** Sends one request on its own stream and returns the one response. */
  #ask(request: ServerReflectionRequest): Promise<ServerReflectionResponse__Output> {
    return new Promise((resolve, reject) => {
      const call = openBidiStream(this.#client, ServerReflectionInfo, { deadline: deadlineIn() });
      let response: ServerReflectionResponse__Output | undefined;
      call.on('data', (message: ServerReflectionResponse__Output) => (response ??= message));
      call.on('error', reject);
      call.on('end', () => {
        const failure = response?.errorResponse;
        if (!response) reject(new Error('the reflection stream ended without a response'));
        // A failed lookup is an answer on an OK stream, with its own status code.
        else if (failure) reject(new RpcError(failure.errorCode, failure.errorMessage));
        else resolve(response);
      });
      call.end(request);
    });
  }
}
