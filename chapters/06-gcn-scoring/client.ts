// Chapter 06, client half: calls a running GCNService.
import { runClientHalf } from '../shared/chapter.ts';
import { walkThrough } from './tour/walkthrough.ts';

await runClientHalf({
  usage: `Usage: npx tsx chapters/06-gcn-scoring/client.ts [--addr localhost:50051]

Sends the original tutorial's graph to GCNService.ProcessGraph with three kinds
of client, then graphs the server refuses on purpose, then a request of 4.2 MB.
Start the server first: npx tsx chapters/06-gcn-scoring/server.ts
Exits 1 and prints the gRPC status if the server cannot be reached.`,
  async run(address, t) {
    const { refused } = await walkThrough(address, t);
    t.step(`${refused.length} requests refused as intended (${refused.join(', ')})`);
  },
});
