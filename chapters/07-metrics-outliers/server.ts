// Chapter 07, server half: Outliers (Detect and DetectStream) until Ctrl-C.
import { runServerHalf } from '../shared/chapter.ts';
import { addOutliers, outliersServerOptions } from './outliers-service.ts';
await runServerHalf({
  name: 'Outliers',
  usage: `Usage: npx tsx chapters/07-metrics-outliers/server.ts [--port 50051]

Serves pb.Outliers (Detect, and DetectStream for metrics sent in batches) on
localhost until Ctrl-C, then lets in-flight calls finish and stops. Accepts
messages up to 64 MiB. --port 0 picks a free port.
In another terminal: npx tsx chapters/07-metrics-outliers/client.ts --addr localhost:50051`,
  addServices: addOutliers,
  serverOptions: outliersServerOptions,
});
