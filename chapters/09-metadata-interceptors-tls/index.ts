// Chapter 09: metadata both ways, interceptors on both sides, bearer tokens,
// and TLS, server-authenticated and mutual, with certificates made for the run.
import { credentials } from '@grpc/grpc-js';
import { performance } from 'node:perf_hooks';
import { runTour } from '../shared/chapter.ts';
import { describeError } from '../shared/client.ts';
import type { RunningServer } from '../shared/server.ts';
import type { Transcript } from '../shared/transcript.ts';
import { issueTestCertificates } from './tls/certificates.ts';
import { startChapterServer } from './chapter-server.ts';
import { bearerToken } from './tls/tls-credentials.ts';
import { DEMO_TOKENS } from './interceptors/tokens.ts';
import { newTally, showAuthentication, showMetadata, showMutualTls, showRefusedConnections, type Tally } from './walkthrough.ts';

async function tour(t: Transcript): Promise<string> {
  t.step('Certificates for this run, in memory: a CA, a server certificate (localhost, 127.0.0.1), a client certificate');
  const started = performance.now();
  const certs = await issueTestCertificates();
  t.note(`made in ${(performance.now() - started).toFixed(0)} ms (ECDSA P-256 keys); the CA's private key is already gone`);

  const log = (line: string) => t.note(line);
  const servers: RunningServer[] = [];
  try {
    const tls = await startChapterServer(certs, 'server-auth', log);
    servers.push(tls);
    const mutual = await startChapterServer(certs, 'mutual', log);
    servers.push(mutual);
    t.note(`TLS server at ${tls.address}, mutual TLS server at ${mutual.address}, both with [call log, auth] interceptors`);

    const tally = newTally();
    const endpoint = { address: tls.address, ca: certs.ca };
    await showMetadata(endpoint, tally, t);
    await showAuthentication(endpoint, tally, t);
    await showRefusedConnections(endpoint, tally, t);

    t.step('Call credentials need a secure channel');
    try {
      credentials.combineChannelCredentials(credentials.createInsecure(), bearerToken(DEMO_TOKENS.reader));
    } catch (error) {
      t.note(`combineChannelCredentials(createInsecure(), …) throws: ${describeError(error)}`);
    }

    await showMutualTls({ address: mutual.address, ca: certs.ca, identity: certs.client }, tally, t);
    return `09 metadata interceptors tls: ${tally.answered} calls answered; refused with ${countStatuses(tally)}`;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** "UNAUTHENTICATED ×4, PERMISSION_DENIED" in order of first appearance. */
function countStatuses({ refused }: Tally): string {
  const counts = new Map<string, number>();
  for (const name of refused) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, count]) => (count === 1 ? name : `${name} ×${count}`)).join(', ');
}

await runTour('Chapter 09 · metadata, interceptors, authentication, TLS', tour);
