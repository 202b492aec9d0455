// A status message never echoes unbounded client input, whoever writes it:
// grpc-health-check answers an unknown service with "Health status unknown
// for service <name>", and boundStatusDetails (SERVER_OPTIONS) cuts it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { operatedServer } from '../../../10-operating-a-service/operated-server.ts';
import { MAX_DETAILS_LENGTH } from '../../../shared/rpc-error.ts';
import { SERVER_OPTIONS } from '../../../shared/server-options.ts';
import { startServer } from '../../../shared/server.ts';
import { lengthField } from '../hostile-bytes.ts';
import { rawCall, rawClient } from '../raw-calls.ts';

test('Health.Check for a service name of 70,000 characters: NOT_FOUND, with a message cut to MAX_DETAILS_LENGTH', { timeout: 10_000 }, async () => {
  const running = await startServer(operatedServer({ intervalMs: 60_000 }).addServices, { serverOptions: SERVER_OPTIONS });
  const client = rawClient(running.address);
  try {
    const name = 'x'.repeat(70_000);
    const check = { path: '/grpc.health.v1.Health/Check', requestStream: false, responseStream: false };
    const answer = await rawCall(client, check, [lengthField(1, Buffer.from(name))]);
    assert.equal(answer.code, grpc.status.NOT_FOUND);
    assert.ok(answer.details.startsWith('Health status unknown for service xxx'), answer.details.slice(0, 60));
    assert.ok(answer.details.length <= MAX_DETAILS_LENGTH + 40, `${answer.details.length} characters`);
    assert.match(answer.details, /… \(\d+ more characters\)$/);
  } finally {
    client.close();
    await running.stop();
  }
});
