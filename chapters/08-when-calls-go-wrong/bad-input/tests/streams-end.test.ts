// Every call ends: for each method whose client streams, a call that sends a
// good message, then bytes that are not a message, then half-closes, with no
// deadline, gets a status within a second. The status is the server's
// END_STREAM after the client's: the HTTP/2 stream is then closed on both
// sides, and grpc-js cancels the handler's call object once its trailers are
// out (notifyOnCancel in server-interceptors.js), so nothing is held. (Before the fix, RouteChat kept such calls open for ever:
// grpc-js-stream-status.test.ts pins the library behaviour behind it.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { operatedServer } from '../../../10-operating-a-service/operated-server.ts';
import { SERVER_OPTIONS } from '../../../shared/server-options.ts';
import { startServer } from '../../../shared/server.ts';
import type { MatrixServer, Method } from '../matrix.ts';
import { rawClient } from '../raw-calls.ts';
import { chapter04Server, contactServer } from '../servers/servers-04-05.ts';
import { chapter07Server } from '../servers/servers-07.ts';
import { chapter08Server } from '../servers/servers-08.ts';

const NOT_A_MESSAGE = Buffer.from([0x0f]); // wire type 7, which does not exist
const WITHIN_MS = 1_000;
const asIs = (bytes: Buffer) => bytes;

/** Sends `valid`, then NOT_A_MESSAGE, then half-closes, with no deadline; the status, or undefined after WITHIN_MS. */
function goodThenBad(client: grpc.Client, method: Method, valid: Buffer, metadata: grpc.Metadata): Promise<grpc.StatusObject | undefined> {
  return new Promise((resolve) => {
    const call = method.responseStream
      ? client.makeBidiStreamRequest(method.path, asIs, asIs, metadata)
      : client.makeClientStreamRequest(method.path, asIs, asIs, metadata, () => {});
    call.on('data', () => {});
    call.on('error', () => {});
    const timer = setTimeout(() => {
      call.cancel(); // frees the client side; the test fails below
      resolve(undefined);
    }, WITHIN_MS);
    call.on('status', (status) => {
      clearTimeout(timer);
      resolve(status);
    });
    call.write(valid);
    call.write(NOT_A_MESSAGE);
    call.end();
  });
}

interface StreamCase {
  method: Method;
  valid: Buffer;
  /** The status a good first message may earn before the bad one is read (tellResult's NOT_FOUND). */
  alsoAccepted?: grpc.status[];
}

const streamRows = (server: MatrixServer): StreamCase[] => server.rows.filter((row) => row.method.requestStream).map(({ method, valid }) => ({ method, valid }));

const reflectionRequest = Buffer.from([0x3a, 0x00]); // list_services: ""
const reflection = (version: string): StreamCase => ({
  method: { path: `/grpc.reflection.${version}.ServerReflection/ServerReflectionInfo`, requestStream: true, responseStream: true },
  valid: reflectionRequest,
});

const chapter10: MatrixServer = {
  name: '10 operated server (reflection)',
  start: () => startServer(operatedServer({ intervalMs: 60_000 }).addServices, { serverOptions: SERVER_OPTIONS }),
  rows: [],
  followUp: chapter04Server.followUp,
};

const SERVERS: [MatrixServer, StreamCase[]][] = [
  [chapter04Server, streamRows(chapter04Server)],
  [contactServer, streamRows(contactServer).map((row) => (row.method.path.endsWith('tellResult') ? { ...row, alsoAccepted: [grpc.status.NOT_FOUND] } : row))],
  [chapter07Server, streamRows(chapter07Server)],
  [chapter08Server, streamRows(chapter08Server)],
  [chapter10, [reflection('v1'), reflection('v1alpha')]],
];

for (const [server, cases] of SERVERS) {
  describe(server.name, () => {
    let running: { address: string; stop(): Promise<void> };
    before(async () => {
      running = await server.start();
    });
    after(() => running.stop());

    for (const { method, valid, alsoAccepted = [] } of cases) {
      test(`${method.path}: a good message, bytes that are not one, half-close: a status within ${WITHIN_MS} ms, nothing held`, { timeout: 20_000 }, async () => {
        const client = rawClient(running.address);
        try {
          // Five in a row: RouteChat hung only once earlier notes made it reply.
          for (let round = 1; round <= 5; round++) {
            const status = await goodThenBad(client, method, valid, server.metadata?.() ?? new grpc.Metadata());
            assert.ok(status, `round ${round}: no status within ${WITHIN_MS} ms`);
            const expected = method.path.includes('Outliers') ? grpc.status.INVALID_ARGUMENT : grpc.status.INTERNAL;
            assert.ok([expected, ...alsoAccepted].includes(status.code), `round ${round}: ${grpc.status[status.code]} (${status.details})`);
            if (status.code === grpc.status.INTERNAL) assert.match(status.details, /^Error deserializing request/);
          }
        } finally {
          client.close();
        }
      });
    }
  });
}
