// Chapter 08, client half: gives up on calls in every way the chapter shows,
// against a running server half. The server's terminal shows the other side.
import { runClientHalf } from '../shared/chapter.ts';
import { PACE } from './chapter-servers.ts';
import { walkThrough } from './tour/walkthrough.ts';

await runClientHalf({
  usage: `Usage: npx tsx chapters/08-when-calls-go-wrong/client.ts [--addr localhost:50051]

Calls the chapter's server with deadlines shorter than the work, cancels one
call of each streaming shape, sends a rectangle that is wrong in three ways and
a 5 MiB name. Start the server first: npx tsx chapters/08-when-calls-go-wrong/server.ts
Exits 1 and prints the gRPC status if the server cannot be reached.`,
  async run(address, t) {
    const { deadlines, cancellations, refusal, tooBig } = await walkThrough(address, t, PACE.stepMs);
    const cancelled = cancellations.filter(({ status }) => status === 'CANCELLED').length;
    t.step(
      `statuses: ${deadlines.statuses.join(', ')}; ${cancelled} of 3 streams cancelled; ` +
        `${refusal.status} with ${refusal.violations.length} field violations; ${tooBig} for 5 MiB`,
    );
  },
});
