// Protobuf against JSON for the same 1,000 CPU readings: bytes on the wire and
// time to encode and decode, measured on the machine that runs this.
import { pb } from '../../generated/static/outliers.ts';
import { loadProto } from '../shared/proto-loader.ts';
import { timeCalls, type Timing } from '../shared/measure.ts';
import type { ProtoGrpcType as OutliersProto } from '../../generated/proto-loader/outliers.ts';
import { cpuReadings, toOutliersRequest } from './cpu-metrics.ts';

export const READINGS = 1_000;

export interface FormatResult {
  format: string;
  bytes: number;
  encode: Timing;
  decode: Timing;
}

const outliersProto = loadProto<OutliersProto>('outliers.proto');

export function compareFormats(budgetMsPerTiming = 25): FormatResult[] {
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
      encode: timeCalls(() => request.serialize(), budgetMsPerTiming),
      decode: timeCalls(() => pb.OutliersRequest.deserialize(staticBytes), budgetMsPerTiming),
    },
    {
      format: 'protobuf (protobuf.js, proto-loader)',
      bytes: loaderBytes.length,
      encode: timeCalls(() => codec.serialize(plain), budgetMsPerTiming),
      decode: timeCalls(() => codec.deserialize(loaderBytes), budgetMsPerTiming),
    },
    {
      format: 'JSON (JSON.stringify / JSON.parse)',
      bytes: Buffer.byteLength(jsonText),
      encode: timeCalls(() => JSON.stringify(json), budgetMsPerTiming),
      decode: timeCalls(() => JSON.parse(jsonText), budgetMsPerTiming),
    },
  ];
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
  const result: JsonSpeedRounds = { stringify: [], parse: [] };
  for (let round = 0; round < rounds; round++) {
    const serialize = timeCalls(() => request.serialize(), budgetMsPerTiming).microsPerCall;
    const stringify = timeCalls(() => JSON.stringify(json), budgetMsPerTiming).microsPerCall;
    const deserialize = timeCalls(() => pb.OutliersRequest.deserialize(bytes), budgetMsPerTiming).microsPerCall;
    const parse = timeCalls(() => JSON.parse(jsonText), budgetMsPerTiming).microsPerCall;
    result.stringify.push(serialize / stringify);
    result.parse.push(deserialize / parse);
  }
  return result;
}
