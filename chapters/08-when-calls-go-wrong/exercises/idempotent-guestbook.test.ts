import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { deadlineIn } from '../../shared/client.ts';
import { importExercise } from '../../shared/exercise.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import type { Guestbook } from '../guestbook.ts';

const { idempotentGuestbook, IDEMPOTENCY_KEY_HEADER } = await importExercise<typeof import('./idempotent-guestbook.ts')>(
  import.meta.url,
  'idempotent-guestbook.ts',
);

const REPLY_MS = 150;
let book: Guestbook;
let server: RunningServer;
let client: helloworld.GreeterClient;
before(async () => {
  book = idempotentGuestbook(REPLY_MS);
  server = await startServer((s) => s.addService(helloworld.UnimplementedGreeterService.definition, book.handlers));
  client = new helloworld.GreeterClient(server.address, credentials.createInsecure());
});
after(async () => {
  client.close();
  await server.stop();
});

function sign(name: string, key: string | undefined, deadlineMs = 2_000) {
  const metadata = new Metadata();
  if (key !== undefined) metadata.set(IDEMPOTENCY_KEY_HEADER, key);
  return new Promise<string>((resolve, reject) => {
    client.SayHello(new helloworld.HelloRequest({ name }), metadata, { deadline: deadlineIn(deadlineMs) }, (error, reply) =>
      error ? reject(error) : resolve(reply!.message),
    );
  });
}

test('a retry after DEADLINE_EXCEEDED, with the same key, signs once and gets the answer', async () => {
  await assert.rejects(sign('Ada', 'k1', 50), (error: ServiceError) => error.code === status.DEADLINE_EXCEEDED);
  // The first attempt is still waiting to answer when this one arrives.
  assert.equal(await sign('Ada', 'k1'), 'Thank you for signing, Ada');
  assert.equal(await sign('Ada', 'k1'), 'Thank you for signing, Ada');
  assert.deepEqual(book.signatures, ['Ada']);
});

test('a new key is a new signature', async () => {
  assert.equal(await sign('Ada', 'k2'), 'Thank you for signing, Ada');
  assert.equal(await sign('Grace', 'k3'), 'Thank you for signing, Grace');
  assert.deepEqual(book.signatures, ['Ada', 'Ada', 'Grace']);
});

test('no key: INVALID_ARGUMENT, and nothing signed', async () => {
  await assert.rejects(sign('Bob', undefined), {
    code: status.INVALID_ARGUMENT,
    details: 'idempotency-key metadata is required, so that a retry can be recognized',
  });
  assert.deepEqual(book.signatures, ['Ada', 'Ada', 'Grace']);
});

test('a key used again for another name: INVALID_ARGUMENT naming both', async () => {
  await assert.rejects(sign('Bob', 'k1'), { code: status.INVALID_ARGUMENT, details: 'idempotency-key k1 was first used for "Ada", not "Bob"' });
  assert.deepEqual(book.signatures, ['Ada', 'Ada', 'Grace']);
});
