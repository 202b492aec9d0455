// The three codecs alone, with no network: how long each takes to encode and
// decode one large OutliersRequest. bench.ts prints these beside the
// end-to-end times, so that the lesson can say where the time goes.
import type { ProtoGrpcType as OutliersProto } from '../../../generated/proto-loader/outliers.ts';
import { pb } from '../../../generated/static/outliers.ts';
import { loadProto } from '../../shared/proto-loader.ts';
import { toStaticRequest, type CpuMetric } from '../model/original-dataset.ts';
import { decodeOutliersRequest } from '../codec/request-decoder.ts';
import { encodeOutliersRequest } from '../codec/request-encoder.ts';
import { medianMs } from '../../shared/measure.ts';

export interface CodecTiming {
  codec: string;
  /** Milliseconds to encode the request, median of the runs. */
  encode: number;
  decode: number;
}


/** Times each codec on `metrics`: the two general ones once (they take seconds), the hand-tuned one five times. */
export function timeCodecs(metrics: CpuMetric[], slowRuns = 1, fastRuns = 5): CodecTiming[] {
  const staticRequest = toStaticRequest(metrics);
  const staticBytes = staticRequest.serialize();
  const loaderCodec = loadProto<OutliersProto>('outliers.proto').pb.OutliersRequest;
  const plain = { metrics };
  const bytes = encodeOutliersRequest(plain);
  return [
    {
      codec: 'static stubs (google-protobuf)',
      encode: medianMs(slowRuns, () => staticRequest.serialize()),
      decode: medianMs(slowRuns, () => pb.OutliersRequest.deserialize(staticBytes)),
    },
    {
      codec: 'proto-loader (protobuf.js)',
      encode: medianMs(slowRuns, () => loaderCodec.serialize(plain)),
      decode: medianMs(slowRuns, () => loaderCodec.deserialize(bytes)),
    },
    {
      codec: 'hand-tuned (this chapter)',
      encode: medianMs(fastRuns, () => encodeOutliersRequest(plain)),
      decode: medianMs(fastRuns, () => decodeOutliersRequest(bytes)),
    },
  ];
}
