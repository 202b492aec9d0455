import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectivityState, Metadata, status } from '@grpc/grpc-js';
import { deadlineIn } from '../../shared/client.ts';
import { startServer } from '../../shared/server.ts';
import { greeterBackend } from '../backend.ts';
import { openFleetGreeter } from '../fleet-client.ts';
import { withServiceConfig } from '../service-configs.ts';
import { freeLoopbackPort, RECONNECT_QUICKLY, untilChannelState } from '../fleet/wait-for-ready.ts';

const waitForReady = () => new Metadata({ waitForReady: true });

test('without waitForReady, a call to a port where nothing listens fails at once with UNAVAILABLE', async () => {
  const address = `127.0.0.1:${await freeLoopbackPort()}`;
  const client = openFleetGreeter(address, RECONNECT_QUICKLY);
  try {
    const started = Date.now();
    await assert.rejects(client.greet('World', { deadline: deadlineIn(5_000) }), (error: { code: number; details: string }) => {
      assert.equal(error.code, status.UNAVAILABLE);
      assert.match(error.details, new RegExp(`ECONNREFUSED ${address}`));
      return true;
    });
    assert.ok(Date.now() - started < 2_500, 'it did not wait for the 5 s deadline');
  } finally {
    client.close();
  }
});

test('with waitForReady, a call made before its server starts is answered once it starts', async () => {
  const port = await freeLoopbackPort();
  const client = openFleetGreeter(`127.0.0.1:${port}`, RECONNECT_QUICKLY);
  const backend = greeterBackend('late');
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const answer = client.greet('World', { deadline: deadlineIn(5_000), metadata: waitForReady() });
    // The channel has tried the port and been refused: the call really was made before the server.
    await untilChannelState(client.client, connectivityState.TRANSIENT_FAILURE, deadlineIn(5_000));
    assert.equal(backend.attempts.length, 0);
    server = await startServer(backend.addTo, { port });
    assert.deepEqual(await answer, { message: 'Hello, World', backend: 'late', attempt: 1 });
  } finally {
    client.close();
    await server?.stop();
  }
});

test('with waitForReady and no server ever, the call ends at its deadline with DEADLINE_EXCEEDED', async () => {
  const client = openFleetGreeter(`127.0.0.1:${await freeLoopbackPort()}`, RECONNECT_QUICKLY);
  try {
    const started = Date.now();
    await assert.rejects(client.greet('World', { deadline: deadlineIn(300), metadata: waitForReady() }), {
      code: status.DEADLINE_EXCEEDED,
    });
    assert.ok(Date.now() - started >= 290, 'it waited for the deadline');
  } finally {
    client.close();
  }
});

test('grpc-js reads waitForReady in a service config but does not apply it: only the call option works', async () => {
  const config = { loadBalancingConfig: [], methodConfig: [{ name: [{ service: 'helloworld.Greeter' }], waitForReady: true }] };
  const client = openFleetGreeter(`127.0.0.1:${await freeLoopbackPort()}`, { ...RECONNECT_QUICKLY, ...withServiceConfig(config) });
  try {
    await assert.rejects(client.greet('World', { deadline: deadlineIn(5_000) }), { code: status.UNAVAILABLE });
  } finally {
    client.close();
  }
});
