// Matrix table for chapter 07's Outliers server, started with grpc-js's
// default 4 MiB receive limit, as its tour starts the "limited" one. Its
// request decoder is its own and checks every byte: malformed requests get
// INVALID_ARGUMENT saying what and where, not INTERNAL.
import { status } from '@grpc/grpc-js';
import { pb } from '../../../../generated/static/outliers.ts';
import { addOutliers } from '../../../07-metrics-outliers/outliers-service.ts';
import { startServer } from '../../../shared/server.ts';
import { lengthField } from '../hostile-bytes.ts';
import type { MatrixServer } from '../matrix.ts';

const bytes = (message: { serialize(): Uint8Array }) => Buffer.from(message.serialize());
const { OK, INVALID_ARGUMENT } = status;
const outliers = pb.UnimplementedOutliersService.definition;

const metric = (value: number) => ({ time: { seconds: 1767268800, nanos: 0 }, name: 'cpu', value });
/** Nine quiet readings and one spike, which is more than 2σ from the mean. */
const SPIKE = pb.OutliersRequest.fromObject({ metrics: [...Array.from({ length: 9 }, () => metric(1)), metric(100)] });
/** A Metric whose value (field 3, a double) is NaN: the encoding allows it; the detector must not. */
const NOT_A_NUMBER = lengthField(1, Buffer.concat([Buffer.from([0x19]), Buffer.from(new Float64Array([Number.NaN]).buffer)]));

export const chapter07Server: MatrixServer = {
  name: '07 Outliers',
  start: () => startServer((server) => addOutliers(server)),
  rows: [outliers.Detect, outliers.DetectStream].map((method) => ({
    method,
    valid: bytes(SPIKE),
    malformed: INVALID_ARGUMENT,
    answers: { empty: OK, unknownFields: OK, bigUnknownField: OK },
    noMessages: OK,
    validThenMalformed: INVALID_ARGUMENT,
    extra: [{ name: 'a value that is NaN', bytes: NOT_A_NUMBER, expect: INVALID_ARGUMENT }],
  })),
  followUp: { method: outliers.Detect, request: bytes(SPIKE), reply: bytes(new pb.OutliersResponse({ indices: [9] })) },
};
