// Exercise 10-B: notice a dead connection in time.
//
// A client reads a slow stream through a network that can go silent: no
// bytes, no FIN, no RST, just nothing (the test freezes a TCP proxy). Fill in
// frozenPeerOptions, the channel options of that client, so that:
//   - a call on a frozen connection fails with UNAVAILABLE within 1,000 ms
//     of the freeze, although its deadline is 3 s away;
//   - the client pings no more often than every 300 ms: the server's
//     operators asked for that (grpc-go and C-core servers enforce such a
//     minimum, and answer a client that pings more often with GOAWAY
//     "too_many_pings").
// The lesson's "Keepalive" section names the two options you need.
//
// Check your work: npm run exercises -- 10
import type { ChannelOptions } from '@grpc/grpc-js';

export const frozenPeerOptions: ChannelOptions = {
  // TODO: how often to ping, and how long to wait for the answer.
};
