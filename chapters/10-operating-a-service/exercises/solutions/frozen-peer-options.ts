// Exercise 10-B, a solution. Worst case, the freeze comes just after a ping
// was answered: the next ping goes out 300 ms later and is given up on 300 ms
// after that, so the call fails at most about 600 ms after the freeze.
import type { ChannelOptions } from '@grpc/grpc-js';

export const frozenPeerOptions: ChannelOptions = {
  'grpc.keepalive_time_ms': 300,
  'grpc.keepalive_timeout_ms': 300,
};
