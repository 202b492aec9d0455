// The chapter's Outliers service. Its definition is the generated one with
// the request codec swapped: a service definition is data (a path and four
// plain functions), and grpc-js calls whichever functions it is given.
import type { deserialize, handleClientStreamingCall, handleUnaryCall, serialize, Server, ServerMethodDefinition, ServerOptions } from '@grpc/grpc-js';
import type { OutliersRequest } from '../../generated/proto-loader/pb/OutliersRequest.ts';
import { pb } from '../../generated/static/outliers.ts';
import { clientStreamingHandler, unaryHandler } from '../shared/handlers.ts';
import { passBytesThrough } from '../shared/hand-written-codec.ts';
import { RpcError } from '../shared/rpc-error.ts';
import { messagesOf } from '../shared/streams.ts';
import { ColumnsCollector, type MetricColumns } from './model/metric-columns.ts';
import { decodeOutliersRequest } from './codec/request-decoder.ts';
import { encodeOutliersRequest } from './codec/request-encoder.ts';
import { checkFinite, detectOutliers } from './model/statistics.ts';
import { bigMessageServerOptions } from '../shared/server-options.ts';

/** What grpc-js accepts in one received message unless told otherwise: 4 MiB. */
export const DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
/** What this server accepts in one message: 64 MiB, some 2.8 million metrics of 24 bytes. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** What one DetectStream call may carry in all: 120 MB of columns on the server. */
export const MAX_STREAM_METRICS = 10_000_000;

/** 64 MiB messages, with the bounds lesson 08 gives such a server: 4 calls in flight at once. */
export const outliersServerOptions: ServerOptions = bigMessageServerOptions(MAX_MESSAGE_BYTES);

/**
 * grpc-js's MethodDefinition, except that the request has one type where the
 * client encodes it (plain objects) and another where the server receives it:
 * its bytes, which the handler decodes (see shared/hand-written-codec.ts). The
 * reply is a few indices: the generated google-protobuf codec is fast enough
 * for it, so it stays.
 */
interface OutliersMethod extends ServerMethodDefinition<Buffer, pb.OutliersResponse> {
  requestSerialize: serialize<OutliersRequest>;
  responseDeserialize: deserialize<pb.OutliersResponse>;
}

/** What an Outliers server implements: one handler per method, by name (a misspelt name fails to compile). */
export type OutliersServer = {
  Detect: handleUnaryCall<Buffer, pb.OutliersResponse>;
  DetectStream: handleClientStreamingCall<Buffer, pb.OutliersResponse>;
};

const generated = pb.UnimplementedOutliersService.definition;
export const outliersService: { [Method in keyof OutliersServer]: OutliersMethod } = {
  Detect: { ...generated.Detect, requestSerialize: encodeOutliersRequest, requestDeserialize: passBytesThrough },
  DetectStream: { ...generated.DetectStream, requestSerialize: encodeOutliersRequest, requestDeserialize: passBytesThrough },
};

const reply = (columns: MetricColumns) => new pb.OutliersResponse({ indices: detectOutliers(columns) });

export function outliersHandlers(maxStreamMetrics = MAX_STREAM_METRICS): OutliersServer {
  return {
    Detect: unaryHandler((request: Buffer) => reply(decodeOutliersRequest(request))),

    DetectStream: clientStreamingHandler(async (call) => {
      const collected = new ColumnsCollector(maxStreamMetrics);
      let batch = 0;
      // for await reads one batch at a time: grpc-js asks the client for more
      // only as the loop takes them, so a fast client cannot flood the server.
      for await (const bytes of messagesOf(call)) {
        try {
          const columns = decodeOutliersRequest(bytes);
          checkFinite(columns.values);
          collected.append(columns);
        } catch (error) {
          if (!(error instanceof RpcError)) throw error;
          throw new RpcError(error.code, `batch ${batch} (from stream position ${collected.count}): ${error.details}`);
        }
        batch++;
      }
      return reply(collected.columns());
    }),
  };
}

export function addOutliers(server: Server, maxStreamMetrics?: number): void {
  server.addService(outliersService, outliersHandlers(maxStreamMetrics));
}
