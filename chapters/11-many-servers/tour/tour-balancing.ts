// Tour, part 1: one channel, three backends: pick_first, then round_robin,
// then one backend stops and nobody notices.
import type { Transcript } from '../../shared/transcript.ts';
import { openFleetGreeter } from '../fleet-client.ts';
import { startFleet } from '../fleet/fleet.ts';
import { roundRobin, withServiceConfig } from '../service-configs.ts';
import { greetUntilEachAnswers, tally, whoAnswers } from '../fleet/spread.ts';

const NAMES = ['a', 'b', 'c'];

export async function showLoadBalancing(t: Transcript): Promise<string> {
  const fleet = await startFleet({ a: {}, b: {}, c: {} });
  const pickFirst = openFleetGreeter(fleet.target);
  const balanced = openFleetGreeter(fleet.target, withServiceConfig(roundRobin));
  try {
    t.step(`Three Greeter backends, a, b and c: ${NAMES.map((name) => fleet.servers[name].address).join(', ')}`);
    t.note(`one target names them all: ${fleet.target}`);

    t.step('No service config: grpc-js uses pick_first, one connection to the first address that answers');
    t.note(`9 calls answered by ${(await whoAnswers(pickFirst, 9)).join(' ')}`);

    t.step('Service config {"loadBalancingConfig":[{"round_robin":{}}]}: a connection to each, calls in turn');
    t.note(`first calls, while the connections come up: ${(await greetUntilEachAnswers(balanced, NAMES)).join(' ')}`);
    const spread = await whoAnswers(balanced, 9);
    t.note(`next 9 calls: ${spread.join(' ')}  (${tally(spread, NAMES)})`);

    t.step('b stops gracefully: it tells its clients (HTTP/2 GOAWAY) and finishes what it has');
    await fleet.servers.b.stop();
    let failed = 0;
    const after: string[] = [];
    for (let i = 0; i < 12; i++) {
      await balanced.greet('World').then(
        (answer) => after.push(answer.backend),
        (error: unknown) => void (failed++, t.failed(error)),
      );
    }
    t.note(`12 calls answered by ${after.join(' ')}  (${tally(after, NAMES)}); ${failed} failed`);
    return `round_robin ${tally(spread, NAMES)}, ${failed} failed after b stopped`;
  } finally {
    pickFirst.close();
    balanced.close();
    await fleet.stop();
  }
}
