// The same two calls in each protocol connect-node speaks, from Node: what
// the client half and the tour show. A refusal comes back with the same code
// whatever the protocol: INVALID_ARGUMENT is INVALID_ARGUMENT everywhere.
import { createClient } from '@connectrpc/connect';
import { Greeter } from '../../../generated/es/hello_pb.ts';
import type { Transcript } from '../../shared/transcript.ts';
import { nodeTransports, PROTOCOLS } from './node-transports.ts';
import { describeConnectError } from './status-name.ts';

export interface ProtocolResult {
  greeting: string;
  /** "INVALID_ARGUMENT: name must not be empty", for an empty name. */
  refusal: string;
}

export async function greetInEveryProtocol(address: string, t: Transcript): Promise<Record<string, ProtocolResult>> {
  const transports = nodeTransports(address);
  const results: Record<string, ProtocolResult> = {};
  try {
    for (const protocol of PROTOCOLS) {
      const greeter = createClient(Greeter, transports.byProtocol[protocol]);
      t.note(`${protocol}:`);
      t.sent('/helloworld.Greeter/SayHello', { name: 'World' });
      const { message } = await greeter.sayHello({ name: 'World' }, { timeoutMs: 2_000 });
      t.received({ message });
      t.sent('/helloworld.Greeter/SayHello', { name: '' });
      const refusal = await greeter.sayHello({ name: '' }, { timeoutMs: 2_000 }).then(
        () => 'answered',
        (error: unknown) => describeConnectError(error),
      );
      t.note(`  ✖ ${refusal}`);
      results[protocol] = { greeting: message, refusal };
    }
  } finally {
    transports.close();
  }
  return results;
}
