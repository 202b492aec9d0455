import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { Metadata } from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { greeterBackend } from '../backend.ts';
import { bytesForOneCall, GZIP_CHANNEL, PLAIN_CHANNEL, randomPayload, wordsPayload } from '../compression/compression.ts';
import { openFleetGreeter } from '../fleet-client.ts';
import { startWireCounter } from '../compression/wire-counter.ts';

/** The protobuf bytes of a HelloRequest: what gzip gets to compress. */
const requestBytes = (name: string) => Buffer.from(new helloworld.HelloRequest({ name }).serialize());

describe('gzip on the wire', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer(greeterBackend('echo').addTo);
  });
  after(() => server.stop());

  test('a large, repetitive request shrinks by as much as gzip shrinks its bytes', async () => {
    const name = wordsPayload();
    const plain = await bytesForOneCall(server.port, PLAIN_CHANNEL, name);
    const gzip = await bytesForOneCall(server.port, GZIP_CHANNEL, name);
    const saved = plain.up - gzip.up;
    const gzipSaves = requestBytes(name).length - gzipSync(requestBytes(name)).length;
    // The wire saves what gzip saves on the message, give or take a few frames of
    // HTTP/2 flow control, whose number depends on timing.
    assert.ok(Math.abs(saved - gzipSaves) < gzipSaves / 100, `saved ${saved} B on the wire, gzip saves ${gzipSaves} B`);
    assert.ok(gzip.up * 5 < plain.up, `${gzip.up} vs ${plain.up}`);
  });

  test('dense data hardly shrinks, and a tiny request grows', async () => {
    const random = randomPayload();
    const randomPlain = await bytesForOneCall(server.port, PLAIN_CHANNEL, random);
    const randomGzip = await bytesForOneCall(server.port, GZIP_CHANNEL, random);
    assert.ok(randomGzip.up > randomPlain.up * 0.75, `${randomGzip.up} vs ${randomPlain.up}`);
    const tinyPlain = await bytesForOneCall(server.port, PLAIN_CHANNEL, 'World');
    const tinyGzip = await bytesForOneCall(server.port, GZIP_CHANNEL, 'World');
    assert.ok(tinyGzip.up > tinyPlain.up, `${tinyGzip.up} vs ${tinyPlain.up}: gzip's header and trailer cost more than it saves`);
  });

  test('a grpc-js server never compresses its replies', async () => {
    const name = wordsPayload();
    const plain = await bytesForOneCall(server.port, PLAIN_CHANNEL, name);
    const gzip = await bytesForOneCall(server.port, GZIP_CHANNEL, name);
    // The reply, "Hello, " and the 64 KiB name, travels uncompressed either way:
    // gzipped, it would be as small as the request (about 10 KB).
    assert.ok(plain.down > name.length, `${plain.down} B`);
    assert.ok(gzip.down > name.length, `${gzip.down} B`);
  });

  test('there is no per-call switch: C-core\'s grpc-internal-encoding-request header does nothing in grpc-js', async () => {
    const name = wordsPayload();
    const metadata = new Metadata();
    metadata.set('grpc-internal-encoding-request', 'gzip');
    const asked = await bytesForOneCall(server.port, PLAIN_CHANNEL, name, { metadata });
    assert.ok(asked.up > name.length, `${asked.up} B: not compressed`);
  });

  test('so a client that wants both keeps two channels, and each has its own connection', async () => {
    const counter = await startWireCounter(server.port);
    const [plain, alsoPlain, gzip] = [PLAIN_CHANNEL, PLAIN_CHANNEL, GZIP_CHANNEL].map((options) => openFleetGreeter(counter.address, options));
    try {
      await plain.greet('World');
      await alsoPlain.greet('World');
      assert.equal(counter.counts().connections, 1, 'clients with the same options share a connection');
      await gzip.greet('World');
      assert.equal(counter.counts().connections, 2, 'other options, another connection');
    } finally {
      for (const client of [plain, alsoPlain, gzip]) client.close();
      await counter.close();
    }
  });
});
