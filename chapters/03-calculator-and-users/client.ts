// Chapter 03, client half: calls every method of the chapter's three services.
import { runClientHalf } from '../shared/chapter.ts';
import { walkThrough } from './walkthrough.ts';

await runClientHalf({
  usage: `Usage: npx tsx chapters/03-calculator-and-users/client.ts [--addr localhost:50051]

Calls Cal.Add, Cal.Multiply, compute.Compute.SayHello, MyService.Health and
MyService.User, including requests the server refuses on purpose. Start the
server first: npx tsx chapters/03-calculator-and-users/server.ts
Exits 1 and prints the gRPC status if the server cannot be reached.`,
  async run(address, t) {
    const { answered, refused } = await walkThrough(address, t);
    t.step(`${answered} calls answered, ${refused.length} refused as intended (${refused.join(', ')})`);
  },
});
