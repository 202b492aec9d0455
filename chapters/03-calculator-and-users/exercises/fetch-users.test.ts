import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { credentials, status } from '@grpc/grpc-js';
import { MyServiceClient, UnimplementedMyServiceService } from '../../../generated/static/users.ts';
import { importExercise } from '../../shared/exercise.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { myServiceHandlers, type UserRecord } from '../users.ts';

const { fetchUsers } = await importExercise<typeof import('./fetch-users.ts')>(import.meta.url, 'fetch-users.ts');

// 300 users: id n is "user n", aged 20 + n % 50.
const table = new Map<number, UserRecord>(
  Array.from({ length: 300 }, (_, i) => [i + 1, { name: `user ${i + 1}`, age: 20 + ((i + 1) % 50), email: `u${i + 1}@example.com` }]),
);

// The chapter's MyService, recording the size of every batch it is sent.
const batchSizes: number[] = [];
let withoutDeadline = 0;
const handlers = myServiceHandlers(table);
const recordingHandlers: UnimplementedMyServiceService = {
  Health: handlers.Health,
  User: (call, callback) => {
    batchSizes.push(call.request.userIDs.length);
    if (call.getDeadline() === Infinity) withoutDeadline++;
    handlers.User(call, callback);
  },
};
let server: RunningServer;
let client: MyServiceClient;
before(async () => {
  server = await startServer((s) => s.addService(UnimplementedMyServiceService.definition, recordingHandlers));
  client = new MyServiceClient(server.address, credentials.createInsecure());
});
after(async () => {
  client.close();
  await server.stop();
});
beforeEach(() => {
  batchSizes.length = 0;
  withoutDeadline = 0;
});

const names = (users: { name: string }[]) => users.map((user) => user.name);

test('a few ids: one call', async () => {
  assert.deepEqual(names(await fetchUsers(client, [5, 1, 5])), ['user 5', 'user 1', 'user 5']);
  assert.deepEqual(batchSizes, [3]);
});

test('250 ids: three calls of at most 100, answers in request order', async () => {
  const ids = Array.from({ length: 250 }, (_, i) => 300 - i);
  const users = await fetchUsers(client, ids);
  assert.deepEqual(names(users), ids.map((id) => `user ${id}`));
  assert.deepEqual([...batchSizes].sort((a, b) => b - a), [100, 100, 50]);
  assert.equal(withoutDeadline, 0, 'every call needs a deadline');
});

test('exactly 100 ids: one call; 101 ids: two', async () => {
  await fetchUsers(client, Array.from({ length: 100 }, (_, i) => i + 1));
  assert.deepEqual(batchSizes, [100]);
  batchSizes.length = 0;
  await fetchUsers(client, Array.from({ length: 101 }, (_, i) => i + 1));
  assert.deepEqual([...batchSizes].sort((a, b) => b - a), [100, 1]);
});

test('no ids: no call', async () => {
  assert.deepEqual(await fetchUsers(client, []), []);
  assert.deepEqual(batchSizes, []);
});

test('an unknown id in any batch rejects with the server\'s NOT_FOUND', async () => {
  const ids = [...Array.from({ length: 150 }, (_, i) => i + 1), 999];
  await assert.rejects(fetchUsers(client, ids), { code: status.NOT_FOUND, details: 'no users with ids 999' });
});
