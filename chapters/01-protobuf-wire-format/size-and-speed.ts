// Protobuf against JSON for the same 1,000 CPU readings: bytes on the wire and
// time to encode and decode, measured on the machine that runs this.
import { pb } from '../../generated/static/outliers.ts';
import { loadProto } from '../shared/proto-loader.ts';
import { timeCalls, type Timing } from '../shared/measure.ts';
import type { ProtoGrpcType as OutliersProto } from '../../generated/proto-loader/outliers.ts';
import { cpuReadings, toOutliersRequest } from './cpu-metrics.ts';

export const READINGS = 1_000;

export interface FormatSize {
  format: string;
  bytes: number;
}

export interface FormatResult extends FormatSize {
  encode: Timing;
  decode: Timing;
}

const outliersProto = loadProto<OutliersProto>('outliers.proto');

/** The same readings in each format: its encoded size, and one encode and one decode to time. */
function formats(): (FormatSize & { encode: () => unknown; decode: () => unknown })[] {
  const readings = cpuReadings(READINGS);

  const request = toOutliersRequest(readings);
  const staticBytes = request.serialize();

  // proto-loader's codec takes plain objects; Timestamp seconds are int64, given
  // as strings. nanos is left out: protobuf.js would write a zero it is given.
  const codec = outliersProto.pb.OutliersRequest;
  const plain = {
    metrics: request.metrics.map((metric) => ({
      time: { seconds: String(metric.time.seconds) },
      name: metric.name,
      value: metric.value,
    })),
  };
  const loaderBytes = codec.serialize(plain);

  const json = { metrics: readings };
  const jsonText = JSON.stringify(json);

  return [
    {
      format: 'protobuf (google-protobuf, static stubs)',
      bytes: staticBytes.length,
      encode: () => request.serialize(),
      decode: () => pb.OutliersRequest.deserialize(staticBytes),
    },
    {
      format: 'protobuf (protobuf.js, proto-loader)',
      bytes: loaderBytes.length,
      encode: () => codec.serialize(plain),
      decode: () => codec.deserialize(loaderBytes),
    },
    {
      format: 'JSON (JSON.stringify / JSON.parse)',
      bytes: Buffer.byteLength(jsonText),
      encode: () => JSON.stringify(json),
      decode: () => JSON.parse(jsonText),
    },
  ];
}

/** Bytes on the wire for the same readings in each format. */
export function formatSizes(): FormatSize[] {
  return formats().map(({ format, bytes }) => ({ format, bytes }));
}

/** Sizes, and encode and decode times, each timed for about `budgetMsPerTiming`. */
export function compareFormats(budgetMsPerTiming = 25): FormatResult[] {
  return formats().map(({ format, bytes, encode, decode }) => ({
    format,
    bytes,
    encode: timeCalls(encode, budgetMsPerTiming),
    decode: timeCalls(decode, budgetMsPerTiming),
  }));
}

/** How many times as fast JSON was as google-protobuf, in each of several short rounds. */
export interface JsonSpeedRounds {
  stringify: number[];
  parse: number[];
}

/**
 * The tour's speed comparison. One short timing swings with whatever else the
 * machine is doing, and with whether V8 has optimized google-protobuf yet, so
 * the tour times `rounds` short rounds and prints the spread instead of one
 * ratio. Within a round, protobuf and JSON are timed back to back, so a busy
 * moment slows both sides of the same ratio.
 */
export function jsonSpeedRounds(rounds = 5, budgetMsPerTiming = 10): JsonSpeedRounds {
  const readings = cpuReadings(READINGS);
  const request = toOutliersRequest(readings);
  const bytes = request.serialize();
  const json = { metrics: readings };
  const jsonText = JSON.stringify(json);
  // Warm-up on a small message: V8 optimizes functions, not messages, and
  // google-protobuf's need a few hundred calls first. 300 calls on 20
  // readings take a tenth of a second; on 1,000 readings, over a second.
  const small = toOutliersRequest(cpuReadings(20));
  const smallBytes = small.serialize();
  const smallJson = { metrics: cpuReadings(20) };
  const smallJsonText = JSON.stringify(smallJson);
  for (let call = 0; call < 300; call++) {
    small.serialize();
    pb.OutliersRequest.deserialize(smallBytes);
    JSON.stringify(smallJson);
    JSON.parse(smallJsonText);
  }
  const time = (fn: () => unknown) => timeCalls(fn, budgetMsPerTiming, 0).microsPerCall;
  const result: JsonSpeedRounds = { stringify: [], parse: [] };
  for (let round = 0; round < rounds; round++) {
    const serialize = time(() => request.serialize());
    const stringify = time(() => JSON.stringify(json));
    const deserialize = time(() => pb.OutliersRequest.deserialize(bytes));
    const parse = time(() => JSON.parse(jsonText));
    result.stringify.push(serialize / stringify);
    result.parse.push(deserialize / parse);
  }
  return result;
}
