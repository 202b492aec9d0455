// Tour, part 2: retries by service config, the limits that keep them from
// becoming a storm, and hedging.
import type { ServiceConfig } from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { describeError } from '../../shared/client.ts';
import type { Transcript } from '../../shared/transcript.ts';
import { untilAttempts, type Attempt, type GreeterBackend } from '../backend.ts';
import { openFleetGreeter, type FleetGreeter } from '../fleet-client.ts';
import { startFleet } from '../fleet/fleet.ts';
import { askForTenAttempts, hedgeAfter50ms, retryWhenUnavailable, retryWithinBudget, withServiceConfig } from '../service-configs.ts';
import { greetUntilEachAnswers } from '../fleet/spread.ts';

const SAY_HELLO = helloworld.UnimplementedGreeterService.definition.SayHello.path;

/** "#1 UNAVAILABLE, #2 answered": what a backend saw of the attempts since `from`. */
function attemptsSince(backend: GreeterBackend, from: number): string {
  const show = ({ previousAttempts, outcome }: Attempt) => `#${previousAttempts + 1} ${outcome}`;
  return backend.attempts.slice(from).map(show).join(', ');
}

/** One greeting, narrated: what was sent, what came back, and what `backend` saw of it. */
async function narrate(t: Transcript, fleet: FleetGreeter, name: string, backend: GreeterBackend): Promise<void> {
  const from = backend.attempts.length;
  t.sent(SAY_HELLO, { name });
  await fleet.greet(name).then(
    (answer) => t.received(answer),
    (error: unknown) => t.failed(error),
  );
  t.note(`${backend.name} saw attempts ${attemptsSince(backend, from)}`);
}

export async function showRetries(t: Transcript): Promise<string> {
  const fleet = await startFleet({ flaky: { refuseNext: 3 }, broken: { refuseNext: Infinity }, down: { refuseNext: Infinity } });
  const { flaky, broken, down } = fleet.backends;
  const channel = (backend: GreeterBackend, config?: ServiceConfig) =>
    openFleetGreeter(fleet.servers[backend.name].address, config && withServiceConfig(config));
  const clients = {
    plain: channel(flaky),
    retrying: channel(flaky, retryWhenUnavailable),
    greedy: channel(broken, askForTenAttempts),
    budgeted: channel(down, retryWithinBudget),
  };
  try {
    t.step('flaky refuses its next 3 calls with UNAVAILABLE. A channel without a retry policy:');
    await narrate(t, clients.plain, 'World', flaky);

    t.step('The same backend through a channel whose service config retries UNAVAILABLE (maxAttempts 5):');
    await narrate(t, clients.retrying, 'World', flaky);
    const retried = flaky.attempts.at(-1)?.previousAttempts ?? 0;

    t.step('INVALID_ARGUMENT is not in retryableStatusCodes: refused once, not retried');
    await narrate(t, clients.retrying, '', flaky);

    t.step('broken refuses everything; the service config asks for maxAttempts 10');
    await narrate(t, clients.greedy, 'World', broken);
    t.note('grpc-js caps attempts at 5 (channel option grpc-node.retry_max_attempts_limit)');

    t.step('down refuses everything; retryThrottling {maxTokens 10, tokenRatio 0.1}: 4 calls');
    for (let call = 1; call <= 4; call++) {
      const from = down.attempts.length;
      const outcome = await clients.budgeted.greet('World').then(() => 'answered', (error: unknown) => describeError(error));
      t.note(`call ${call}: ${down.attempts.length - from} attempt(s), then ${outcome}`);
    }
    t.note(`${down.attempts.length} attempts for 4 calls, not 20: the channel retries only while it holds more than 5 tokens`);

    return `retry answered on attempt ${retried + 1}; maxAttempts 10 capped at ${broken.attempts.length}; throttled 4 calls to ${down.attempts.length} attempts`;
  } finally {
    for (const client of Object.values(clients)) client.close();
    await fleet.stop();
  }
}

export async function showHedging(t: Transcript): Promise<string> {
  const fleet = await startFleet({ slow: {}, fast: {} });
  const { slow, fast } = fleet.backends;
  const hedging = openFleetGreeter(fleet.target, withServiceConfig(hedgeAfter50ms));
  try {
    t.step('Hedging over slow and fast (round_robin); hedgingPolicy {maxAttempts 2, hedgingDelay 0.05s}');
    t.note(`while both answer at once, nothing is hedged: ${(await greetUntilEachAnswers(hedging, ['slow', 'fast'])).join(' ')}`);
    slow.misbehave({ delayMs: 1_000 });
    t.note('now slow takes 1 s to answer');
    let byFast = 0;
    for (let call = 1; call <= 2; call++) {
      const from = { slow: slow.attempts.length, fast: fast.attempts.length };
      const started = Date.now();
      t.sent(SAY_HELLO, { name: 'World' });
      const answer = await hedging.greet('World');
      t.received(answer);
      t.note(`answered in ${Date.now() - started} ms`);
      if (answer.backend === 'fast') byFast++;
      // A call that went to slow first was hedged: see slow's attempt cancelled.
      if (answer.attempt === 2) await untilAttempts(slow, from.slow + 1);
      t.note(`slow saw ${attemptsSince(slow, from.slow) || 'nothing'}; fast saw ${attemptsSince(fast, from.fast)}`);
    }
    return `hedging ${byFast}/2 answered by fast`;
  } finally {
    hedging.close();
    await fleet.stop();
  }
}
