import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { pb } from '../../../generated/static/outliers.ts';
import { callUnary } from '../../shared/client.ts';
import { importExercise } from '../../shared/exercise.ts';
import { unaryHandler } from '../../shared/handlers.ts';
import { fieldViolationsOf, type FieldViolation } from '../../shared/rich-error.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';

const { checkOutliersRequest } = await importExercise<typeof import('./outliers-violations.ts')>(import.meta.url, 'outliers-violations.ts');

let server: RunningServer;
let client: pb.OutliersClient;
before(async () => {
  // A Detect that checks its request with the exercise, then finds no outliers.
  const Detect = unaryHandler((request: pb.OutliersRequest) => {
    checkOutliersRequest(request);
    return new pb.OutliersResponse({ indices: [] });
  });
  server = await startServer((s) => s.addService(pb.UnimplementedOutliersService.definition, { Detect }));
  client = new pb.OutliersClient(server.address, credentials.createInsecure());
});
after(async () => {
  client.close();
  await server.stop();
});

const time = { seconds: 1767268800, nanos: 0 };
const detect = (metrics: Parameters<typeof pb.Metric.fromObject>[0][]) => callUnary(client.Detect, pb.OutliersRequest.fromObject({ metrics }));

async function refusedWith(metrics: Parameters<typeof pb.Metric.fromObject>[0][], expected: FieldViolation[]) {
  await assert.rejects(detect(metrics), (error: ServiceError) => {
    assert.equal(error.code, status.INVALID_ARGUMENT);
    assert.deepEqual(fieldViolationsOf(error), expected);
    assert.equal(error.details, expected.map(({ field, description }) => `${field}: ${description}`).join('; '));
    return true;
  });
}

test('good metrics pass', async () => {
  assert.deepEqual((await detect([{ time, name: 'cpu', value: 0.5 }, { time, name: 'cpu', value: -3 }])).indices, []);
});

test('no metrics at all', async () => {
  await refusedWith([], [{ field: 'metrics', description: 'must hold at least one metric' }]);
});

test('every problem of every metric, in order', async () => {
  await refusedWith(
    [
      { time, name: 'cpu', value: 1 },
      { name: '', value: Number.NaN },
      { time, name: 'disk', value: Number.POSITIVE_INFINITY },
      { name: 'net', value: Number.NEGATIVE_INFINITY },
    ],
    [
      { field: 'metrics[1].time', description: 'is missing' },
      { field: 'metrics[1].name', description: 'must not be empty' },
      { field: 'metrics[1].value', description: 'must be a finite number, got NaN' },
      { field: 'metrics[2].value', description: 'must be a finite number, got Infinity' },
      { field: 'metrics[3].time', description: 'is missing' },
      { field: 'metrics[3].value', description: 'must be a finite number, got -Infinity' },
    ],
  );
});
