// Chapter 06, server half: GCNService with the random-feature model until Ctrl-C.
import { runServerHalf } from '../shared/chapter.ts';
import { addGcnService, GCN_SERVER_OPTIONS } from './gcn-service.ts';

await runServerHalf({
  name: 'GCNService (untrained random-feature GCN)',
  usage: `Usage: npx tsx chapters/06-gcn-scoring/server.ts [--port 50051]

Serves GCNService.ProcessGraph on localhost until Ctrl-C, then lets in-flight
calls finish and stops. Requests up to 64 MiB are read (grpc-js's default is
4 MiB). The scores come from fixed random weights, not a trained model: the
same graph always gets the same scores, but they predict nothing.
In another terminal: npx tsx chapters/06-gcn-scoring/client.ts --addr localhost:50051`,
  addServices: addGcnService,
  serverOptions: GCN_SERVER_OPTIONS,
});
