import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { sendUnaryData, ServerReadableStream, ServerWritableStream } from '@grpc/grpc-js';
import { UnimplementedContactService, type Empty, type Result, type ServerMsg } from '../../../generated/static/contact_service.ts';
import { importExercise } from '../../shared/exercise.ts';
import { startServer } from '../../shared/server.ts';
import { contactFixture } from '../tests/contact-fixture.ts';

const { takeTasks } = await importExercise<typeof import('./acknowledge-tasks.ts')>(import.meta.url, 'acknowledge-tasks.ts');

/** A Contact server that also counts tellResult calls and notes whether each call had a deadline. */
async function watchedContact(t: TestContext) {
  const fixture = await contactFixture(t);
  const seen = { tellResultCalls: 0, callsWithoutDeadline: [] as string[] };
  const noteDeadline = (call: { getDeadline(): Date | number; getPath(): string }) => {
    if (call.getDeadline() === Infinity) seen.callsWithoutDeadline.push(call.getPath());
  };
  const { handlers } = fixture.service;
  const server = await startServer((s) =>
    s.addService(UnimplementedContactService.definition, {
      ...handlers,
      getTask: (call: ServerWritableStream<Empty, ServerMsg>) => {
        noteDeadline(call);
        handlers.getTask(call);
      },
      tellResult: (call: ServerReadableStream<Result, Empty>, callback: sendUnaryData<Empty>) => {
        seen.tellResultCalls++;
        noteDeadline(call);
        handlers.tellResult(call, callback);
      },
    }),
  );
  t.after(() => server.stop(100));
  return { ...fixture, address: server.address, seen };
}

test('takes the first tasks and acknowledges them in one tellResult call, with deadlines', async (t) => {
  const { address, service, journal, seen } = await watchedContact(t);
  for (const task of ['resize a.png', 'resize b.png', 'resize c.png']) await service.assign('ada', task);
  assert.deepEqual(await takeTasks(address, 'ada', 2), [1, 2]);
  const results = (await journal()).filter((entry) => entry.type === 'result');
  assert.deepEqual(results, [
    { type: 'result', client: 'ada', id: 1, ret: 'RESIZE A.PNG' },
    { type: 'result', client: 'ada', id: 2, ret: 'RESIZE B.PNG' },
  ]);
  assert.equal(seen.tellResultCalls, 1);
  assert.deepEqual(seen.callsWithoutDeadline, []);
});

test('acknowledged tasks are not pushed again: the next call gets the next task', async (t) => {
  const { address, service, store } = await watchedContact(t);
  for (const task of ['one', 'two', 'three']) await service.assign('ada', task);
  assert.deepEqual(await takeTasks(address, 'ada', 2), [1, 2]);
  assert.deepEqual(await takeTasks(address, 'ada', 1), [3]);
  assert.equal(store.pendingCount('ada'), 0);
});
