// Freezes the connection under two open streams and says how each side found
// out (see keepalive.ts):
//   npx tsx chapters/10-operating-a-service/connections/frozen-peer.ts
// and with grpc-js's own account of every ping on stderr:
//   GRPC_TRACE=keepalive GRPC_VERBOSITY=DEBUG npx tsx chapters/10-operating-a-service/connections/frozen-peer.ts
import { freezeUnderOpenStreams, frozenPeerLines } from './keepalive.ts';

for (const line of frozenPeerLines(await freezeUnderOpenStreams())) console.log(line);
