import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { callUnary } from '../../shared/client.ts';
import { importExercise } from '../../shared/exercise.ts';
import type { RunningServer } from '../../shared/server.ts';
import { issueTestCertificates, type TestCertificates } from '../tls/certificates.ts';
import { startChapterServer } from '../chapter-server.ts';
import { DEMO_TOKENS } from '../interceptors/tokens.ts';

const { cachedBearerToken } = await importExercise<typeof import('./cached-token.ts')>(import.meta.url, 'cached-token.ts');
type IssuedToken = import('./cached-token.ts').IssuedToken;
const { GreeterClient, HelloRequest } = helloworld;

let certs: TestCertificates;
let server: RunningServer;
before(async () => {
  certs = await issueTestCertificates();
  server = await startChapterServer(certs, 'server-auth', () => {});
});
after(() => server.stop());

/** A fake token service: answers from `script` in order, after a turn of the event loop, counting fetches. */
function tokenService(script: (IssuedToken | Error)[]) {
  const service = {
    fetches: 0,
    async fetch(): Promise<IssuedToken> {
      const answer = script[service.fetches++];
      await new Promise((resolve) => setImmediate(resolve));
      if (answer === undefined) throw new Error('the test asked for more tokens than it scripted');
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return service;
}

function clientWith(fetch: () => Promise<IssuedToken>, now: () => number) {
  const channel = credentials.combineChannelCredentials(credentials.createSsl(Buffer.from(certs.ca)), cachedBearerToken(fetch, now));
  const client = new GreeterClient(server.address, channel);
  return {
    sayHello: async () => (await callUnary(client.SayHello, new HelloRequest({ name: 'World' }))).message,
    sayHelloAgain: async () => (await callUnary(client.SayHelloAgain, new HelloRequest({ name: 'World' }))).message,
    close: () => client.close(),
  };
}

test('one fetch serves many calls, one after another or all at once', async () => {
  const service = tokenService([{ token: DEMO_TOKENS.reader, expiresAt: 100_000 }]);
  const client = clientWith(service.fetch, () => 0);
  try {
    const together = await Promise.all([client.sayHello(), client.sayHello(), client.sayHello()]);
    assert.deepEqual(together, ['Hello, World', 'Hello, World', 'Hello, World']);
    assert.equal(await client.sayHello(), 'Hello, World');
    assert.equal(service.fetches, 1);
  } finally {
    client.close();
  }
});

test('a token is fetched anew 30 s before it expires, and the new one is used', async () => {
  const service = tokenService([
    { token: DEMO_TOKENS.reader, expiresAt: 100_000 },
    { token: DEMO_TOKENS.admin, expiresAt: 200_000 },
  ]);
  let clock = 0;
  const client = clientWith(service.fetch, () => clock);
  try {
    assert.equal(await client.sayHello(), 'Hello, World');
    clock = 69_999;
    await assert.rejects(client.sayHelloAgain(), { code: status.PERMISSION_DENIED }); // still the reader token
    assert.equal(service.fetches, 1);
    clock = 70_000;
    assert.equal(await client.sayHelloAgain(), 'Hello again, World'); // only admin may
    assert.equal(service.fetches, 2);
  } finally {
    client.close();
  }
});

test('a failed fetch fails the calls waiting for it; the next call fetches again', async () => {
  const service = tokenService([new Error('token service down'), { token: DEMO_TOKENS.reader, expiresAt: 100_000 }]);
  const client = clientWith(service.fetch, () => 0);
  try {
    const refused = { code: status.UNKNOWN, details: 'Getting metadata from plugin failed with error: token service down' };
    const [first, second] = await Promise.allSettled([client.sayHello(), client.sayHello()]);
    for (const outcome of [first, second]) {
      assert.equal(outcome.status, 'rejected');
      const { code, details } = (outcome as PromiseRejectedResult).reason as ServiceError;
      assert.deepEqual({ code, details }, refused);
    }
    assert.equal(service.fetches, 1);
    assert.equal(await client.sayHello(), 'Hello, World');
    assert.equal(service.fetches, 2);
  } finally {
    client.close();
  }
});
