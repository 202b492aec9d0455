// The bad-input matrix (see matrix.ts): every hostile request gets a
// well-formed status from the server, and the next good call still works.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Metadata, status, type Client } from '@grpc/grpc-js';
import { casesFor, type MatrixCase } from '../matrix.ts';
import { rawCall, rawClient, rawHttp2 } from '../raw-calls.ts';
import { MATRIX_SERVERS } from '../servers/matrix-servers.ts';

const KNOWN_CODES = new Set(Object.values(status).filter((code) => typeof code === 'number'));

for (const server of MATRIX_SERVERS) {
  describe(server.name, () => {
    let running: { address: string; stop(): Promise<void> };
    let client: Client;
    let usualReply: Buffer[];
    const metadata = () => server.metadata?.() ?? new Metadata();
    const followUp = () => rawCall(client, server.followUp.method, [server.followUp.request], { metadata: metadata() });
    before(async () => {
      running = await server.start();
      client = rawClient(running.address);
      const first = await followUp();
      assert.equal(first.code, status.OK, `the good call before any hostile one: ${status[first.code]} (${first.details})`);
      if (server.followUp.reply) assert.deepEqual(first.messages, [server.followUp.reply], 'the good call before any hostile one');
      usualReply = first.messages;
    });
    after(async () => {
      client.close();
      await running.stop();
    });

    async function check(matrixCase: MatrixCase): Promise<void> {
      const where = `${matrixCase.method.path}, ${matrixCase.name}`;
      if (matrixCase.via === 'client') {
        const answer = await rawCall(client, matrixCase.method, matrixCase.requests, { metadata: metadata(), deadlineMs: matrixCase.deadlineMs });
        assert.ok(KNOWN_CODES.has(answer.code), `${where}: ${answer.code} is not a gRPC status code`);
        assert.ok(
          matrixCase.expect.includes(answer.code),
          `${where}: got ${status[answer.code]} (${answer.details}), expected ${matrixCase.expect.map((code) => status[code]).join(' or ')}`,
        );
        if (answer.code === status.OK) assert.ok(matrixCase.mayBeOk, `${where}: OK for bytes that do not decode`);
        else assert.notEqual(answer.details, '', `${where}: a status with no details`);
      } else {
        const headers = Object.fromEntries(Object.entries(metadata().toHttp2Headers()).map(([key, value]) => [key, String(value)]));
        const answer = await rawHttp2(running.address, matrixCase.method.path, matrixCase.body, { ...headers, ...matrixCase.headers });
        assert.equal(answer.httpStatus, matrixCase.httpStatus, `${where}: HTTP status`);
        if (matrixCase.expect === undefined) {
          assert.equal(answer.grpcStatus, undefined, `${where}: no gRPC status expected`);
        } else {
          assert.ok(
            answer.grpcStatus !== undefined && matrixCase.expect.includes(answer.grpcStatus),
            `${where}: got ${answer.grpcStatus === undefined ? 'no status' : status[answer.grpcStatus]} (${answer.grpcMessage}), expected ${matrixCase.expect.map((code) => status[code]).join(' or ')}`,
          );
          if (answer.grpcStatus !== status.OK) assert.ok(answer.grpcMessage, `${where}: a status with no message`);
        }
      }
      // The server keeps serving: a good call right after gets its usual answer.
      const after = await followUp();
      assert.equal(after.code, status.OK, `after ${where}: the follow-up call got ${status[after.code]} (${after.details})`);
      assert.deepEqual(after.messages, usualReply, `after ${where}: the follow-up reply`);
    }

    for (const matrixCase of casesFor(server)) {
      test(`${matrixCase.method.path} ← ${matrixCase.name}${matrixCase.via === 'http2' ? ' (raw HTTP/2)' : ''}`, { timeout: 20_000 }, () => check(matrixCase));
    }
  });
}
