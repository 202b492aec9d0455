// npx tsx chapters/09-metadata-interceptors-tls/bench.ts (also part of npm run bench):
// what the chapter's security costs. Key generation (why ECDSA P-256), making
// the run's certificates, one token check, and a unary call over plaintext,
// TLS and mutual TLS. The lesson quotes this command's output.
import { generateKeyPairSync } from 'node:crypto';
import { credentials } from '@grpc/grpc-js';
import { performance } from 'node:perf_hooks';
import { helloworld } from '../../generated/static/hello.ts';
import { callUnary } from '../shared/client.ts';
import { timeCalls } from '../shared/measure.ts';
import { startServer } from '../shared/server.ts';
import { issueTestCertificates } from './tls/certificates.ts';
import { chapterServerOptions, startChapterServer } from './chapter-server.ts';
import { addMetadataServices } from './metadata-services.ts';
import { bearerToken, channelCredentials } from './tls/tls-credentials.ts';
import { DEMO_TOKENS, demoTokenTable } from './interceptors/tokens.ts';
import { median } from '../shared/measure.ts';


async function medianMs(runs: number, work: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

console.log('Key pairs (node:crypto, median):');
const p256 = await medianMs(21, () => generateKeyPairSync('ec', { namedCurve: 'P-256' }));
const rsa = await medianMs(5, () => generateKeyPairSync('rsa', { modulusLength: 2048 }));
console.log(`  ECDSA P-256 ${p256.toFixed(2).padStart(8)} ms`);
console.log(`  RSA 2048    ${rsa.toFixed(2).padStart(8)} ms  (${(rsa / p256).toFixed(0)}× slower)`);

const certificates = await medianMs(9, () => issueTestCertificates());
console.log(`issueTestCertificates() (3 keys, 3 signatures), median of 9: ${certificates.toFixed(1)} ms`);

console.log('One token check, TokenTable.roleOf (median µs per call):');
const reader = DEMO_TOKENS.reader;
for (const [kind, token] of Object.entries({
  'right token': reader,
  'last character wrong': `${reader.slice(0, -1)}X`,
  'first character wrong': `X${reader.slice(1)}`,
  'one character': 'x',
})) {
  console.log(`  ${kind.padEnd(22)} ${timeCalls(() => demoTokenTable.roleOf(token), 200).microsPerCall.toFixed(2).padStart(6)} µs`);
}

const certs = await issueTestCertificates();
const quiet = () => {};
const plaintext = await startServer(addMetadataServices, { host: 'localhost', serverOptions: chapterServerOptions(quiet) });
const tls = await startChapterServer(certs, 'server-auth', quiet);
const mutual = await startChapterServer(certs, 'mutual', quiet);
const CALLS = 300;
console.log(`SayHello through [call log, auth] interceptors, ${CALLS} sequential calls after 50 to warm up (median µs per call):`);
const channels = {
  // Per-call credentials on a plaintext channel: only ever on loopback, and only to measure.
  plaintext: { address: plaintext.address, channel: credentials.createInsecure(), perCall: true },
  TLS: { address: tls.address, channel: channelCredentials({ trust: certs.ca, token: reader }), perCall: false },
  'mutual TLS': { address: mutual.address, channel: channelCredentials({ trust: certs.ca, identity: certs.client, token: reader }), perCall: false },
};
try {
  for (const [name, { address, channel, perCall }] of Object.entries(channels)) {
    const client = new helloworld.GreeterClient(address, channel);
    const request = new helloworld.HelloRequest({ name: 'World' });
    const call = () => callUnary(client.SayHello, request, { deadline: new Date(Date.now() + 5_000), ...(perCall ? { credentials: bearerToken(reader) } : {}) });
    for (let i = 0; i < 50; i++) await call();
    const times: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const start = performance.now();
      await call();
      times.push((performance.now() - start) * 1000);
    }
    console.log(`  ${name.padEnd(11)} ${median(times).toFixed(0).padStart(6)} µs`);
    client.close();
  }
} finally {
  await Promise.all([plaintext.stop(), tls.stop(), mutual.stop()]);
}
