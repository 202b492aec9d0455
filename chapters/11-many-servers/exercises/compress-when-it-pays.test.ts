import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { importExercise } from '../../shared/exercise.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { greeterBackend } from '../backend.ts';
import { bytesForOneCall, PLAIN_CHANNEL, wordsPayload } from '../compression/compression.ts';
import { startWireCounter, type WireCounter } from '../compression/wire-counter.ts';

const { openThriftyGreeter } = await importExercise<typeof import('./compress-when-it-pays.ts')>(import.meta.url, 'compress-when-it-pays.ts');

const WORDS = wordsPayload();
let server: RunningServer;
let counter: WireCounter;
let thrifty: ReturnType<typeof openThriftyGreeter>;

before(async () => {
  server = await startServer(greeterBackend('echo').addTo);
  counter = await startWireCounter(server.port);
  thrifty = openThriftyGreeter(counter.address);
  // Open whatever connections the greeter uses, so that the counts below are of one call each.
  await thrifty.greet(WORDS);
  await thrifty.greet('warm-up');
});
after(async () => {
  thrifty.close();
  await counter.close();
  await server.stop();
});

/** Bytes sent to the server by one call through the greeter under test. */
async function upFor(name: string): Promise<number> {
  const before = counter.counts().up;
  assert.equal(await thrifty.greet(name), `Hello, ${name}`);
  return counter.counts().up - before;
}

test('a short name travels uncompressed: no bigger than on a plain channel', async () => {
  const plain = await bytesForOneCall(server.port, PLAIN_CHANNEL, 'World');
  // gzip would add 21 B; an HTTP/2 flow-control frame that happens to cross the line adds 13.
  assert.ok((await upFor('World')) < plain.up + 16, `a plain channel sends ${plain.up} B`);
});

test('64 KiB of words travel compressed, in under a quarter of the bytes', async () => {
  const plain = await bytesForOneCall(server.port, PLAIN_CHANNEL, WORDS);
  const sent = await upFor(WORDS);
  assert.ok(sent * 4 < plain.up, `${sent} B sent, ${plain.up} B uncompressed`);
});

test('the line is at 1,024 bytes of UTF-8', async () => {
  const justUnder = WORDS.slice(0, 1_023);
  const justOver = WORDS.slice(0, 1_024);
  assert.ok((await upFor(justUnder)) > 1_023, '1,023 bytes go as they are');
  assert.ok((await upFor(justOver)) < 1_023, '1,024 bytes go compressed');
  const accented = 'é'.repeat(512); // 512 characters, 1,024 bytes
  assert.ok((await upFor(accented)) < 1_024, 'bytes count, not characters');
});
