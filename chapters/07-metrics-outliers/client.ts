// Chapter 07, client half: the original client's request and the edge cases,
// against a running Outliers server.
import { runClientHalf } from '../shared/chapter.ts';
import { walkThrough } from './walkthrough.ts';

await runClientHalf({
  usage: `Usage: npx tsx chapters/07-metrics-outliers/client.ts [--addr localhost:50051]

Sends the original tutorial's 1,000 CPU readings to pb.Outliers/Detect (the
answer is [7, 113, 835]), then the edge cases (empty, one metric, all equal,
two names, NaN, Infinity, a bad timestamp), then the readings again through
DetectStream. Start the server first: npx tsx chapters/07-metrics-outliers/server.ts
Exits 1 and prints the gRPC status if the server cannot be reached.`,
  async run(address, t) {
    const { original, refused } = await walkThrough(address, t);
    t.step(`outliers at: [${original.join(', ')}]; ${refused.length} requests refused as intended (${refused.join(', ')})`);
  },
});
