// How long each protobuf codec takes with the benchmark's request and reply:
// google-protobuf (the static stubs), protobuf.js (proto-loader) and this
// chapter's hand-written codec. bench.ts prints the table; the lesson quotes it.
import type { ProtoGrpcType as GcnProto } from '../../../generated/proto-loader/gcn.ts';
import * as gcn from '../../../generated/static/gcn.ts';
import { loadProto } from '../../shared/proto-loader.ts';
import { decodeGraph } from '../codec/graph-decoder.ts';
import { encodeGraph, type GraphMessage } from '../codec/graph-encoder.ts';
import { decodeScores, encodeScores, type ScoredNodes } from '../codec/scores-codec.ts';
import { medianMs } from '../../shared/measure.ts';

const gcnProto = loadProto<GcnProto>('gcn.proto');

export interface CodecTimings {
  codec: string;
  /** Milliseconds, median of the runs; NaN where the step does not apply. */
  buildObjects: number;
  encodeRequest: number;
  decodeRequest: number;
  encodeReply: number;
  decodeReply: number;
}

/** Median of `runs` timings per step. The hand-written codec goes first, while the heap is still small. */
export function timeCodecs(graph: GraphMessage, reply: ScoredNodes, runs: number): CodecTimings[] {
  const scoresMap = new Map(reply.ids.map((id, i) => [id, reply.scores[i]]));
  const handRequest = encodeGraph(graph);
  const handReply = encodeScores(reply);
  const hand: CodecTimings = {
    codec: 'hand-written (this chapter)',
    buildObjects: Number.NaN, // encodes the plain objects as they are
    encodeRequest: medianMs(runs, () => encodeGraph(graph)),
    decodeRequest: medianMs(runs, () => decodeGraph(handRequest)), // checks included, into typed arrays
    encodeReply: medianMs(runs, () => encodeScores(reply)),
    decodeReply: medianMs(runs, () => decodeScores(handReply)),
  };

  const scoresObject = Object.fromEntries(scoresMap);
  const loaderRequest = gcnProto.GraphData.serialize(graph);
  const loaderReply = gcnProto.GCNResult.serialize({ node_scores: scoresObject });
  const protobufJs: CodecTimings = {
    codec: 'protobuf.js (proto-loader)',
    buildObjects: Number.NaN, // takes plain objects too
    encodeRequest: medianMs(runs, () => gcnProto.GraphData.serialize(graph)),
    decodeRequest: medianMs(runs, () => gcnProto.GraphData.deserialize(loaderRequest)),
    encodeReply: medianMs(runs, () => gcnProto.GCNResult.serialize({ node_scores: scoresObject })),
    decodeReply: medianMs(runs, () => gcnProto.GCNResult.deserialize(loaderReply)),
  };

  let message = gcn.GraphData.fromObject(graph);
  const buildObjects = medianMs(runs, () => (message = gcn.GraphData.fromObject(graph)));
  const staticRequest = message.serialize();
  const staticReply = new gcn.GCNResult({ node_scores: scoresMap }).serialize();
  const googleProtobuf: CodecTimings = {
    codec: 'google-protobuf (static stubs)',
    buildObjects, // GraphData.fromObject: one class instance per node and edge
    encodeRequest: medianMs(runs, () => message.serialize()),
    decodeRequest: medianMs(runs, () => gcn.GraphData.deserialize(staticRequest)),
    encodeReply: medianMs(runs, () => new gcn.GCNResult({ node_scores: scoresMap }).serialize()),
    decodeReply: medianMs(runs, () => gcn.GCNResult.deserialize(staticReply)),
  };
  return [hand, protobufJs, googleProtobuf];
}
