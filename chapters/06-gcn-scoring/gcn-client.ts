// A GCNService client with the hand-written codec. A client method is a path,
// a request serializer and a reply deserializer: grpc.Client's
// makeUnaryRequest takes exactly those, so no generated client is needed.
import * as grpc from '@grpc/grpc-js';
import { deadlineIn } from '../shared/client.ts';
import type { GraphMessage } from './codec/graph-encoder.ts';
import { GCN_MAX_MESSAGE_BYTES, gcnService } from './gcn-service.ts';

const { path, requestSerialize, responseDeserialize } = gcnService.ProcessGraph;

/**
 * The reply is what the client receives, so its limit is a channel option. A
 * reply is never larger than its request (per node: an id and one float,
 * against an id and at least one float; plus the edges), so the server's bound
 * fits here too.
 */
export const GCN_CHANNEL_OPTIONS: grpc.ChannelOptions = { 'grpc.max_receive_message_length': GCN_MAX_MESSAGE_BYTES };

export class GcnClient {
  readonly #client: grpc.Client;

  constructor(address: string, options: grpc.ChannelOptions = GCN_CHANNEL_OPTIONS) {
    // Plaintext is fine on loopback; chapter 09 adds TLS.
    this.#client = new grpc.Client(address, grpc.credentials.createInsecure(), options);
  }

  /** Node id → score. Big graphs need a longer deadline than the default two seconds. */
  processGraph(graph: GraphMessage, options?: grpc.CallOptions): Promise<Map<string, number>> {
    return this.#call(requestSerialize, graph, options);
  }

  /** Sends bytes encoded beforehand, or bytes that are not a GraphData at all, as the tests do. */
  processEncoded(request: Buffer, options?: grpc.CallOptions): Promise<Map<string, number>> {
    return this.#call((bytes: Buffer) => bytes, request, options);
  }

  close(): void {
    this.#client.close();
  }

  #call<Request>(
    serialize: (request: Request) => Buffer,
    request: Request,
    options: grpc.CallOptions = { deadline: deadlineIn() },
  ): Promise<Map<string, number>> {
    return new Promise((resolve, reject) => {
      this.#client.makeUnaryRequest(path, serialize, responseDeserialize, request, options, (error, reply) => {
        if (error) reject(error);
        else resolve(reply as Map<string, number>); // a unary call that ends without an error always has a reply
      });
    });
  }
}
