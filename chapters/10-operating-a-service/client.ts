// Chapter 10, client half: inspects a running server the way an operator's
// tools do (reflection, health, channelz), then reads a ListFeatures stream.
import * as grpc from '@grpc/grpc-js';
import { routeguide } from '../../generated/static/route_guide.ts';
import { runClientHalf } from '../shared/chapter.ts';
import { deadlineIn } from '../shared/client.ts';
import { messagesOf } from '../shared/streams.ts';
import { EUROPE } from './feature-feed.ts';
import { inspect } from './inspection/inspection.ts';

await runClientHalf({
  usage: `Usage: npx tsx chapters/10-operating-a-service/client.ts [--addr localhost:50051]

Lists the server's services by reflection and describes two of them, reads
every health status, reads channelz's call counters, then streams
RouteGuide.ListFeatures. Start the server first:
npx tsx chapters/10-operating-a-service/server.ts
Press Ctrl-C on the server while the stream runs to see a graceful shutdown.`,
  async run(address, t) {
    await inspect(address, t);
    t.step('ListFeatures: a slow stream, one landmark at a time');
    const client = new routeguide.RouteGuideClient(address, grpc.credentials.createInsecure());
    try {
      const call = client.ListFeatures(EUROPE, { deadline: deadlineIn(10_000) });
      let received = 0;
      // Iterating a stream ends when the call ends OK, and throws its status otherwise.
      for await (const feature of messagesOf(call)) {
        t.received(feature.toObject());
        received++;
      }
      t.step(`${received} features, then OK`);
    } finally {
      client.close();
    }
  },
});
