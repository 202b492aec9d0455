// Chapter 10, server half: the operable server until Ctrl-C or SIGTERM. On
// the signal it marks every service NOT_SERVING (health watchers learn it at
// once), stops accepting calls, and lets the ones in flight finish.
import { runServerHalf } from '../shared/chapter.ts';
import { operatedServer } from './operated-server.ts';
import { SERVER_OPTIONS } from '../shared/server-options.ts';

const operated = operatedServer({ intervalMs: 250 });

await runServerHalf({
  name: 'Greeter, Cal, compute.Compute, MyService and RouteGuide.ListFeatures, with health, reflection and channelz',
  usage: `Usage: npx tsx chapters/10-operating-a-service/server.ts [--port 50051]

Serves chapters 02 and 03's services, a slow routeguide ListFeatures (one
landmark every 250 ms), grpc.health.v1.Health, server reflection and channelz
on localhost. Ctrl-C or SIGTERM: health goes NOT_SERVING, new calls are
refused, calls in flight get 5 s to finish, then the rest are cancelled.
In another terminal: npx tsx chapters/10-operating-a-service/client.ts --addr localhost:50051`,
  addServices: operated.addServices,
  // The limits and interceptors of every workbook server (lesson 08).
  serverOptions: SERVER_OPTIONS,
  beforeStop: () => operated.health.markAllNotServing(),
});
