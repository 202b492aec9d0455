// Chapter 11, client half: one round_robin channel over every --addr.
import { runManyServersClientHalf } from '../shared/chapter.ts';
import { openFleetGreeter } from './fleet-client.ts';
import { resolvedTarget } from './fleet-target.ts';
import { retryWhenUnavailable, withServiceConfig } from './service-configs.ts';
import { tally } from './fleet/spread.ts';

const CALLS = 9;

await runManyServersClientHalf({
  usage: `Usage: npx tsx chapters/11-many-servers/client.ts [--addr host:port]...

Makes ${CALLS} SayHello calls over one channel to every --addr (repeat the flag, or
give a comma-separated list; default: localhost:50051, localhost:50052 and
localhost:50053), with round_robin and retries on UNAVAILABLE, and says which
backend answered each. Start the servers first:
  npx tsx chapters/11-many-servers/server.ts --port 50051   (and 50052, 50053)
Stop one and run the client again: the others answer every call.
Exits 1 and prints the gRPC status if a call fails.`,
  defaultAddresses: ['localhost:50051', 'localhost:50052', 'localhost:50053'],
  async run(addresses, t) {
    const target = await resolvedTarget(addresses);
    const fleet = openFleetGreeter(target, withServiceConfig(retryWhenUnavailable));
    try {
      t.step(`round_robin over ${target}`);
      const answeredBy: string[] = [];
      for (let call = 1; call <= CALLS; call++) {
        const answer = await fleet.greet('World');
        t.received(answer);
        answeredBy.push(answer.backend);
      }
      t.note(`answered by ${tally(answeredBy, [...new Set(answeredBy)].sort())}`);
    } finally {
      fleet.close();
    }
  },
});
