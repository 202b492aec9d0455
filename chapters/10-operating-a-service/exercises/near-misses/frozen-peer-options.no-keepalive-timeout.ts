// Near-miss for exercise 10-B: the reference solution, except that it leaves the keepalive timeout at its 20 s default.
// The exercise's test must fail against it (the workbook checks that it does).
import type { ChannelOptions } from '@grpc/grpc-js';

export const frozenPeerOptions: ChannelOptions = {
  'grpc.keepalive_time_ms': 300,
};
