// Chapter 09, client half: everything the tour's client does, against the
// server half's mutual TLS server, with the CA and client certificate that the
// server half left in certs/.
import { runClientHalf } from '../shared/chapter.ts';
import { readCertificates } from './tls/cert-folder.ts';
import { newTally, showAuthentication, showMetadata, showMutualTls, showRefusedConnections } from './walkthrough.ts';

await runClientHalf({
  usage: `Usage: npx tsx chapters/09-metadata-interceptors-tls/client.ts [--addr localhost:50051]

Calls the server half over mutual TLS: metadata on a unary call and a stream,
the auth interceptor's refusals, and the connections TLS refuses. Reads the CA
and the client certificate from chapters/09-metadata-interceptors-tls/certs/,
which the server half makes: start it first with
npx tsx chapters/09-metadata-interceptors-tls/server.ts
Exits 1 if the server cannot be reached or the certificates are missing.`,
  async run(address, t) {
    const certs = await readCertificates();
    const endpoint = { address, ca: certs.ca, identity: certs.client };
    const tally = newTally();
    await showMetadata(endpoint, tally, t);
    await showAuthentication(endpoint, tally, t);
    await showRefusedConnections(endpoint, tally, t);
    await showMutualTls(endpoint, tally, t);
    t.step(`${tally.answered} calls answered, ${tally.refused.length} refused as intended (${tally.refused.join(', ')})`);
  },
});
