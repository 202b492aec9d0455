// GCNService.ProcessGraph with the hand-written codec plugged into grpc-js.
//
// A grpc-js service definition is a path and four plain functions: how the
// client encodes a request and decodes a reply, and how the server decodes a
// request and encodes a reply. The generated definitions fill them with
// google-protobuf or protobuf.js; nothing stops us filling them ourselves, and
// clients built from any .proto-generated code still talk to this server,
// because the bytes are the same.
import type * as grpc from '@grpc/grpc-js';
import { unaryHandler } from '../shared/handlers.ts';
import { passBytesThrough } from '../shared/hand-written-codec.ts';
import { decodeGraph } from './codec/graph-decoder.ts';
import { encodeGraph } from './codec/graph-encoder.ts';
import { scoreGraph } from './model/gcn.ts';
import { randomFeatureModel, type GcnModel } from './model/models.ts';
import { decodeScores, encodeScores, type ScoredNodes } from './codec/scores-codec.ts';
import { bigMessageServerOptions } from '../shared/server-options.ts';

/**
 * The largest request this server reads: 64 MiB, 2.6 times the chapter's
 * benchmark graph (100,000 nodes, 1,000,000 edges, 16 features: 25.4 MB).
 * grpc-js refuses anything over 4 MiB by default; a bound, not "unlimited",
 * keeps one request from taking all the memory (decoding needs a few times
 * the request's size).
 */
export const GCN_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/**
 * The receive limit is a server option: the request is what the server
 * receives. With it, the bounds lesson 08 gives a server of big messages.
 */
export const GCN_SERVER_OPTIONS: grpc.ServerOptions = bigMessageServerOptions(GCN_MAX_MESSAGE_BYTES);

/**
 * What a GCNService server implements: one handler per method, by name (a
 * misspelt name fails to compile), receiving the request's bytes undecoded.
 */
export type GcnServer = {
  ProcessGraph: grpc.handleUnaryCall<Buffer, ScoredNodes>;
};

export const gcnService = {
  ProcessGraph: {
    path: '/GCNService/ProcessGraph',
    requestStream: false,
    responseStream: false,
    // The client's half: GraphData objects out, node id → score in.
    requestSerialize: encodeGraph,
    responseDeserialize: decodeScores,
    // The server's half. The request's bytes reach the handler undecoded: a
    // deserializer that throws makes grpc-js answer INTERNAL ("Error
    // deserializing request"), but malformed bytes are the client's mistake,
    // INVALID_ARGUMENT, so the handler decodes them and says what is wrong.
    requestDeserialize: passBytesThrough,
    responseSerialize: encodeScores,
  },
} satisfies grpc.ServiceDefinition<GcnServer>;

export function gcnHandlers(model: GcnModel): GcnServer {
  return {
    ProcessGraph: unaryHandler((request: Buffer): ScoredNodes => {
      const graph = decodeGraph(request);
      const weights = model.weightsFor(graph.featureWidth);
      return { ids: graph.ids, scores: scoreGraph(graph, weights) };
    }),
  };
}

export function addGcnService(server: grpc.Server, model: GcnModel = randomFeatureModel()): void {
  server.addService(gcnService, gcnHandlers(model));
}
