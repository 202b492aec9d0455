import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { credentials, InterceptingCall, Metadata, status, type ChannelCredentials, type ChannelOptions, type Interceptor, type ServiceError } from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { callUnary, deadlineIn } from '../../shared/client.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { issueTestCertificates, type TestCertificates } from '../tls/certificates.ts';
import { chapterServerOptions, startChapterServer } from '../chapter-server.ts';
import { addMetadataServices } from '../metadata-services.ts';
import { bearerToken, channelCredentials } from '../tls/tls-credentials.ts';
import { DEMO_TOKENS } from '../interceptors/tokens.ts';

const { GreeterClient, HelloRequest } = helloworld;
const token = DEMO_TOKENS.reader;

let certs: TestCertificates;
let strangers: TestCertificates; // the same kind of certificates, from another CA
let tls: RunningServer;
let mutual: RunningServer;
const serverLog: string[] = [];
before(async () => {
  [certs, strangers] = await Promise.all([issueTestCertificates(), issueTestCertificates()]);
  const log = (line: string) => serverLog.push(line);
  tls = await startChapterServer(certs, 'server-auth', log);
  mutual = await startChapterServer(certs, 'mutual', log);
});
after(() => Promise.all([tls.stop(), mutual.stop()]));

/** SayHello's reply, or the ServiceError it failed with. */
async function greet(address: string, channel: ChannelCredentials, options: ChannelOptions = {}): Promise<string> {
  const client = new GreeterClient(address, channel, options);
  try {
    return (await callUnary(client.SayHello, new HelloRequest({ name: 'World' }))).message;
  } finally {
    client.close();
  }
}

/** Asserts a call fails to connect: UNAVAILABLE with details matching `reason`. */
async function refused(call: Promise<unknown>, reason: RegExp): Promise<void> {
  await assert.rejects(call, (error: ServiceError) => {
    assert.equal(error.code, status.UNAVAILABLE, error.details);
    assert.match(error.details, /^No connection established\. Last error: /);
    assert.match(error.details, reason);
    return true;
  });
}

describe('the certificates', () => {
  test('a CA, and two leaves it signed: the server for localhost and 127.0.0.1, the client by name', () => {
    const ca = new X509Certificate(certs.ca);
    const server = new X509Certificate(certs.server.cert);
    const client = new X509Certificate(certs.client.cert);
    assert.equal(ca.ca, true);
    assert.equal(server.ca, false);
    assert.equal(client.ca, false);
    for (const leaf of [server, client]) {
      assert.ok(leaf.checkIssued(ca) && leaf.verify(ca.publicKey), leaf.subject);
      assert.equal(leaf.verify(new X509Certificate(strangers.ca).publicKey), false);
    }
    assert.equal(server.subjectAltName, 'DNS:localhost, IP Address:127.0.0.1');
    assert.equal(server.checkHost('localhost'), 'localhost');
    assert.equal(server.checkIP('127.0.0.1'), '127.0.0.1');
    assert.equal(server.checkHost('example.com'), undefined);
    assert.equal(client.subject, 'CN=workbook-client');
    assert.deepEqual(server.keyUsage, ['1.3.6.1.5.5.7.3.1']); // serverAuth
    assert.deepEqual(client.keyUsage, ['1.3.6.1.5.5.7.3.2']); // clientAuth
  });

  test('ECDSA P-256 keys, valid for a day from a minute ago', () => {
    for (const pem of [certs.ca, certs.server.cert, certs.client.cert]) {
      const cert = new X509Certificate(pem);
      assert.equal(cert.publicKey.asymmetricKeyType, 'ec');
      assert.equal(cert.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
      const validMs = Date.parse(cert.validTo) - Date.parse(cert.validFrom);
      assert.ok(Math.abs(validMs - (24 * 60 + 1) * 60_000) <= 2_000, `${cert.validFrom} to ${cert.validTo}`);
      assert.ok(Date.parse(cert.validFrom) <= Date.now());
    }
  });
});

describe('server-authenticated TLS', () => {
  test('a client that trusts our CA gets through', async () => {
    assert.match(tls.address, /^localhost:\d+$/);
    assert.equal(await greet(tls.address, channelCredentials({ trust: certs.ca, token })), 'Hello, World');
  });

  test('a client that does not trust our CA: UNAVAILABLE, and the reason names the certificate', async () => {
    await refused(greet(tls.address, channelCredentials({ token })), /Error: unable to verify the first certificate\. Resolution note: $/);
    // Another CA of the same name: the issuer is found, but its key did not sign this certificate.
    await refused(greet(tls.address, channelCredentials({ trust: strangers.ca, token })), /Error: certificate signature failure\. /);
  });

  test('a name the certificate does not hold: UNAVAILABLE', async () => {
    const options = { 'grpc.ssl_target_name_override': 'example.com' };
    await refused(
      greet(tls.address, channelCredentials({ trust: certs.ca, token }), options),
      /Hostname\/IP does not match certificate's altnames: Host: example\.com\. is not in the cert's altnames: DNS:localhost, IP Address:127\.0\.0\.1/,
    );
  });

  test('a plaintext client: UNAVAILABLE, from either server', async () => {
    await refused(greet(tls.address, credentials.createInsecure()), /Failed to connect \(.*\)\. Resolution note: $/);
    await refused(greet(mutual.address, credentials.createInsecure()), /Failed to connect \(.*\)\. Resolution note: $/);
  });
});

describe('mutual TLS', () => {
  test('a client with a certificate from our CA gets through, and the server knows its name', async () => {
    serverLog.length = 0;
    assert.equal(await greet(mutual.address, channelCredentials({ trust: certs.ca, identity: certs.client, token })), 'Hello, World');
    assert.match(serverLog[0], /^server ▸ \/helloworld\.Greeter\/SayHello \(request id none, client certificate CN=workbook-client\)$/);
  });

  test('a client with no certificate is refused: "certificate required"', async () => {
    await refused(greet(mutual.address, channelCredentials({ trust: certs.ca, token })), /tlsv13 alert certificate required/);
  });

  test('a client whose certificate another CA signed is refused', async () => {
    await refused(greet(mutual.address, channelCredentials({ trust: certs.ca, identity: strangers.client, token })), /Failed to connect/);
  });

  test('a client that does not trust our CA: the server sent its CA along, so the wording differs', async () => {
    await refused(
      greet(mutual.address, channelCredentials({ identity: certs.client, token })),
      /Error: self-signed certificate in certificate chain\. Resolution note: $/,
    );
  });
});

describe('call credentials', () => {
  test('combineChannelCredentials refuses an insecure channel', () => {
    assert.throws(() => credentials.combineChannelCredentials(credentials.createInsecure(), bearerToken(token)), {
      message: 'Cannot compose insecure credentials',
    });
  });

  test('but a per-call credentials option on an insecure channel is sent, in plain text', async () => {
    // Why this chapter combines the token with TLS credentials instead: grpc-js
    // (1.14) lets this call through, and the token crosses the wire readable.
    const plaintext = await startServer(addMetadataServices, { serverOptions: chapterServerOptions(() => {}) });
    const client = new GreeterClient(plaintext.address, credentials.createInsecure());
    try {
      const options = { deadline: deadlineIn(), credentials: bearerToken(token) };
      // The auth interceptor accepted the token: it arrived.
      assert.equal((await callUnary(client.SayHello, new HelloRequest({ name: 'World' }), options)).message, 'Hello, World');
    } finally {
      client.close();
      await plaintext.stop();
    }
  });

  test('client interceptors do not see them: grpc-js adds them below the interceptors', async () => {
    const seen: Metadata[] = [];
    const peek: Interceptor = (options, nextCall) =>
      new InterceptingCall(nextCall(options), {
        start(metadata, listener, next) {
          seen.push(metadata);
          next(metadata, listener);
        },
      });
    const channel = channelCredentials({ trust: certs.ca, token });
    assert.equal(await greet(tls.address, channel, { interceptors: [peek] }), 'Hello, World');
    assert.equal(seen.length, 1);
    assert.deepEqual(seen[0].get('authorization'), []);
  });
});
