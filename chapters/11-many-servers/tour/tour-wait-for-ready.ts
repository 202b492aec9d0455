// Tour, part 3: a call made before its server starts.
import { connectivityState, Metadata } from '@grpc/grpc-js';
import { deadlineIn } from '../../shared/client.ts';
import { startServer } from '../../shared/server.ts';
import type { Transcript } from '../../shared/transcript.ts';
import { greeterBackend } from '../backend.ts';
import { openFleetGreeter } from '../fleet-client.ts';
import { freeLoopbackPort, RECONNECT_QUICKLY, untilChannelState } from '../fleet/wait-for-ready.ts';

export async function showWaitForReady(t: Transcript): Promise<string> {
  const port = await freeLoopbackPort();
  const address = `127.0.0.1:${port}`;
  const hasty = openFleetGreeter(address, RECONNECT_QUICKLY);
  const patient = openFleetGreeter(address, RECONNECT_QUICKLY);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    t.step(`waitForReady: calls to ${address}, where no server listens yet`);
    t.note('a call without it fails at once:');
    await hasty.greet('World').catch((error: unknown) => t.failed(error));

    t.note('a call with new Metadata({ waitForReady: true }) and a 2 s deadline waits:');
    const sent = Date.now();
    const answer = patient.greet('World', { deadline: deadlineIn(2_000), metadata: new Metadata({ waitForReady: true }) });
    await untilChannelState(patient.client, connectivityState.TRANSIENT_FAILURE, deadlineIn(2_000));
    t.note(`the channel tried ${address}, was refused (TRANSIENT_FAILURE), and holds the call`);

    const backend = greeterBackend('late');
    server = await startServer(backend.addTo, { port });
    const started = Date.now();
    t.note(`a server starts on ${server.address}, ${started - sent} ms after the call was made`);
    const { message, backend: answeredBy } = await answer;
    t.received({ message, backend: answeredBy });
    t.note(`answered ${Date.now() - started} ms after the server started`);
    return 'waitForReady answered once the server started';
  } finally {
    hasty.close();
    patient.close();
    await server?.stop();
  }
}
