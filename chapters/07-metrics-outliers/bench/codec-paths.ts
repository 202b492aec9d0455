// Three ways to run Detect end to end that differ only in the codec on each
// side: the static stubs (google-protobuf), proto-loader (protobuf.js), and
// this chapter's hand-tuned pair; and, for comparison, no codec at all.
// bench.ts times them; the tests check that the three give the same answers.
import { Client, credentials, type CallOptions, type Server } from '@grpc/grpc-js';
import type { ProtoGrpcType as OutliersProto } from '../../../generated/proto-loader/outliers.ts';
import type { OutliersRequest } from '../../../generated/proto-loader/pb/OutliersRequest.ts';
import { pb } from '../../../generated/static/outliers.ts';
import { callUnary } from '../../shared/client.ts';
import { unaryHandler } from '../../shared/handlers.ts';
import { loadProto } from '../../shared/proto-loader.ts';
import { columnsOf } from '../model/metric-columns.ts';
import { toStaticRequest, type CpuMetric } from '../model/original-dataset.ts';
import { OutliersCalls } from '../outliers-client.ts';
import { addOutliers } from '../outliers-service.ts';
import { encodeOutliersRequest } from '../codec/request-encoder.ts';
import { detectOutliers } from '../model/statistics.ts';

export interface DetectClient<Request> {
  detect(request: Request, options: CallOptions): Promise<number[]>;
  close(): void;
}

export interface CodecPath<Request> {
  readonly name: string;
  /** Serves Detect with this path's codec. */
  addService(server: Server): void;
  /** A fully built request, in the form this path's client takes. */
  buildRequest(metrics: CpuMetric[]): Request;
  open(address: string): DetectClient<Request>;
}

const outliersProto = loadProto<OutliersProto>('outliers.proto');

// The generated decoders hand the handler message objects; it copies their
// values into columns and runs the same detector. (It does not check the
// timestamps, which only flatters these two paths.)
const detectFromMessages = unaryHandler((request: { metrics: { name: string; value: number }[] }) =>
  new pb.OutliersResponse({ indices: detectOutliers(columnsOf(request.metrics)) }),
);

export const staticStubsPath: CodecPath<pb.OutliersRequest> = {
  name: 'static stubs (google-protobuf)',
  // DetectStream is left out: grpc-js answers a method without a handler with UNIMPLEMENTED.
  addService: (server) => server.addService(pb.UnimplementedOutliersService.definition, { Detect: detectFromMessages }),
  buildRequest: toStaticRequest,
  open(address) {
    const client = new pb.OutliersClient(address, credentials.createInsecure());
    return { detect: async (request, options) => (await callUnary(client.Detect, request, options)).indices, close: () => client.close() };
  },
};

export const protoLoaderPath: CodecPath<OutliersRequest> = {
  name: 'proto-loader (protobuf.js)',
  addService: (server) => server.addService(outliersProto.pb.Outliers.service, { Detect: detectFromMessages }),
  buildRequest: (metrics) => ({ metrics }),
  open(address) {
    const client = new outliersProto.pb.Outliers(address, credentials.createInsecure());
    return {
      detect: async (request, options) => (await callUnary(client.Detect.bind(client), request, options)).indices,
      close: () => client.close(),
    };
  },
};

export const handTunedPath: CodecPath<OutliersRequest> = {
  name: 'hand-tuned (this chapter)',
  addService: (server) => addOutliers(server),
  buildRequest: (metrics) => ({ metrics }),
  open: (address) => new OutliersCalls(address),
};

export const CODEC_PATHS = [staticStubsPath, protoLoaderPath, handTunedPath] as const;

/**
 * Not a codec: the client sends bytes encoded beforehand and the server does
 * not decode them. What is left is the cost of moving the bytes (grpc-js,
 * HTTP/2, loopback), which no codec can save. Its answer is always [].
 */
export const transportOnlyPath: CodecPath<Buffer> = {
  name: 'transport alone (no encoding, no decoding)',
  addService(server) {
    // Nothing is decoded, and no wire check (chapter 08) is added: either would be timed as transport.
    const requestDeserialize = (bytes: Buffer) => bytes.length;
    const Detect = { ...pb.UnimplementedOutliersService.definition.Detect, requestDeserialize };
    server.addService({ Detect }, { Detect: unaryHandler(() => new pb.OutliersResponse()) });
  },
  buildRequest: (metrics) => encodeOutliersRequest({ metrics }),
  open(address) {
    const client = new Client(address, credentials.createInsecure());
    const { path, responseDeserialize } = pb.UnimplementedOutliersService.definition.Detect;
    return {
      detect: (bytes, options) =>
        new Promise((resolve, reject) => {
          client.makeUnaryRequest(path, (request: Buffer) => request, responseDeserialize, bytes, options, (error, reply) =>
            error ? reject(error) : resolve(reply?.indices ?? []),
          );
        }),
      close: () => client.close(),
    };
  },
};
