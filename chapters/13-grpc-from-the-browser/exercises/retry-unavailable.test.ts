import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Code, ConnectError } from '@connectrpc/connect';
import { importExercise } from '../../shared/exercise.ts';

const { withBackoff } = await importExercise<typeof import('./retry-unavailable.ts')>(import.meta.url, 'retry-unavailable.ts');

/** A call that fails with each of `codes` in turn, then answers "Hello, World". */
function flaky(codes: Code[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    call: async () => {
      const code = codes[calls++];
      if (code !== undefined) throw new ConnectError(`attempt ${calls} failed`, code);
      return 'Hello, World';
    },
  };
}

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

test('retries UNAVAILABLE with doubling waits until the call answers', async () => {
  const server = flaky([Code.Unavailable, Code.Unavailable]);
  const { waits, sleep } = recordingSleep();
  assert.equal(await withBackoff(server.call, { attempts: 5, firstDelayMs: 100, sleep }), 'Hello, World');
  assert.equal(server.calls, 3);
  assert.deepEqual(waits, [100, 200]);
});

test('gives up after `attempts` calls and throws the last error', async () => {
  const server = flaky([Code.Unavailable, Code.Unavailable, Code.Unavailable, Code.Unavailable]);
  const { waits, sleep } = recordingSleep();
  await assert.rejects(withBackoff(server.call, { attempts: 3, firstDelayMs: 50, sleep }), (error: unknown) => {
    assert.ok(error instanceof ConnectError);
    assert.equal(error.code, Code.Unavailable);
    assert.equal(error.rawMessage, 'attempt 3 failed');
    return true;
  });
  assert.equal(server.calls, 3);
  assert.deepEqual(waits, [50, 100]);
});

test('any other status is thrown at once, without waiting', async () => {
  const server = flaky([Code.InvalidArgument]);
  const { waits, sleep } = recordingSleep();
  await assert.rejects(withBackoff(server.call, { attempts: 5, firstDelayMs: 100, sleep }), { code: Code.InvalidArgument });
  assert.equal(server.calls, 1);
  assert.deepEqual(waits, []);
});
