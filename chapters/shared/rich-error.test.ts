import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';
import { google as anyTypes } from '../../generated/static/google/protobuf/any.ts';
import { google } from '../../generated/static/google/rpc/status.ts';
import { callUnary } from './client.ts';
import { unaryHandler } from './handlers.ts';
import {
  BAD_REQUEST_TYPE_URL,
  badRequest,
  fieldViolationsOf,
  MAX_FIELD_VIOLATIONS,
  MAX_VIOLATION_TEXT,
  richStatusOf,
  STATUS_DETAILS_TRAILER,
} from './rich-error.ts';
import { RpcError } from './rpc-error.ts';
import { startServer, type RunningServer } from './server.ts';

const { Any } = anyTypes.protobuf;

const violations = [
  { field: 'name', description: 'must not be empty' },
  { field: 'name', description: 'must be at most 50 characters, got 51' },
];

/** A ServiceError as grpc-js would report it, with `trailers` as its metadata. */
function serviceError(code: status, trailers: Metadata): ServiceError {
  return Object.assign(new Error('failed'), { code, details: 'failed', metadata: trailers });
}

describe('badRequest → trailer → fieldViolationsOf, through a real server', () => {
  let server: RunningServer;
  let client: helloworld.GreeterClient;
  before(async () => {
    server = await startServer((s) =>
      s.addService(helloworld.UnimplementedGreeterService.definition, {
        SayHello: unaryHandler(() => {
          throw badRequest(violations);
        }),
        SayHelloAgain: unaryHandler(() => {
          throw new RpcError(status.INVALID_ARGUMENT, 'no details here');
        }),
      } satisfies helloworld.UnimplementedGreeterService),
    );
    client = new helloworld.GreeterClient(server.address, credentials.createInsecure());
  });
  after(async () => {
    client.close();
    await server.stop();
  });

  test('the client gets INVALID_ARGUMENT, a readable message, and every violation', async () => {
    await assert.rejects(callUnary(client.SayHello, new helloworld.HelloRequest()), (error: ServiceError) => {
      assert.equal(error.code, status.INVALID_ARGUMENT);
      assert.equal(error.details, 'name: must not be empty; name: must be at most 50 characters, got 51');
      assert.deepEqual(fieldViolationsOf(error), violations);
      const rich = richStatusOf(error);
      assert.equal(rich?.code, status.INVALID_ARGUMENT);
      assert.equal(rich?.message, error.details);
      assert.deepEqual(rich?.details.map((detail) => detail.type_url), [BAD_REQUEST_TYPE_URL]);
      return true;
    });
  });

  test('a plain RpcError carries no details', async () => {
    await assert.rejects(callUnary(client.SayHelloAgain, new helloworld.HelloRequest()), (error: ServiceError) => {
      assert.equal(error.details, 'no details here');
      assert.equal(richStatusOf(error), undefined);
      assert.deepEqual(fieldViolationsOf(error), []);
      return true;
    });
  });
});

test('at most MAX_FIELD_VIOLATIONS violations are sent, each cut to MAX_VIOLATION_TEXT', () => {
  const sentFor = (error: RpcError) => fieldViolationsOf(serviceError(status.INVALID_ARGUMENT, error.metadata ?? new Metadata()));
  const many = badRequest(Array.from({ length: MAX_FIELD_VIOLATIONS + 7 }, (_, i) => ({ field: `ids[${i}]`, description: 'bad' })));
  assert.equal(sentFor(many).length, MAX_FIELD_VIOLATIONS);
  assert.match(many.details, /^ids\[0\]: bad; ids\[1\]: bad; .* ids\[49\]: bad; and 7 more$/);
  const long = badRequest([{ field: 'name', description: 'x'.repeat(500) }]);
  assert.deepEqual(sentFor(long), [{ field: 'name', description: `${'x'.repeat(MAX_VIOLATION_TEXT - 1)}…` }]);
});

describe('details the client must not trust', () => {
  const trailersOf = (error: RpcError) => error.metadata ?? new Metadata();

  test('a Status whose code is not the call\'s own is ignored', () => {
    const trailers = trailersOf(badRequest(violations));
    assert.deepEqual(fieldViolationsOf(serviceError(status.INVALID_ARGUMENT, trailers)), violations);
    assert.equal(richStatusOf(serviceError(status.FAILED_PRECONDITION, trailers)), undefined);
  });

  test('malformed details are ignored, not decoded', () => {
    const trailers = new Metadata();
    trailers.set(STATUS_DETAILS_TRAILER, Buffer.from([0x08, 0x03, 0x12, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x41])); // message claims 4 GiB
    assert.equal(richStatusOf(serviceError(status.INVALID_ARGUMENT, trailers)), undefined);
  });

  test('details of other types are skipped', () => {
    const retryInfo = new Any({ type_url: 'type.googleapis.com/google.rpc.RetryInfo', value: Uint8Array.from([0x0a, 0x02, 0x08, 0x05]) });
    const other = new google.rpc.Status({ code: status.INVALID_ARGUMENT, message: 'x', details: [retryInfo] });
    const trailers = new Metadata();
    trailers.set(STATUS_DETAILS_TRAILER, Buffer.from(other.serialize()));
    assert.deepEqual(richStatusOf(serviceError(status.INVALID_ARGUMENT, trailers))?.details.map((d) => d.type_url), [retryInfo.type_url]);
    assert.deepEqual(fieldViolationsOf(serviceError(status.INVALID_ARGUMENT, trailers)), []);
  });
});
