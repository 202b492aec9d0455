import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idleConnectionClosed } from '../connections/idle.ts';
import { DEMO_KEEPALIVE, freezeUnderOpenStreams } from '../connections/keepalive.ts';

test('a frozen connection: keepalive turns it into UNAVAILABLE on both sides; without keepalive the call just waits', async () => {
  const { withKeepalive, withoutKeepaliveStillOpen, serverCancelledAfterMs, watchedForMs } = await freezeUnderOpenStreams();
  const { 'grpc.keepalive_time_ms': pingEvery, 'grpc.keepalive_timeout_ms': pingTimeout } = DEMO_KEEPALIVE;

  assert.equal(withKeepalive.status, 'UNAVAILABLE');
  assert.equal(withKeepalive.details, 'Connection dropped');
  // Found out when a ping went unanswered: a ping timeout after the last ping
  // before the freeze at the earliest, and a ping interval plus a timeout
  // after the freeze at the latest (plus slack for a busy machine); the
  // call's deadline is seconds away.
  const latest = pingEvery + pingTimeout + 1_000;
  assert.ok(withKeepalive.afterMs < latest, `after ${withKeepalive.afterMs} ms`);
  assert.ok(serverCancelledAfterMs < latest, `after ${serverCancelledAfterMs} ms`);

  assert.equal(withoutKeepaliveStillOpen, true, `the call without keepalive ended within ${watchedForMs} ms of the freeze`);
  assert.ok(watchedForMs >= Math.max(withKeepalive.afterMs, serverCancelledAfterMs));
});

test('an idle connection is closed by the server, and the next call reconnects', async () => {
  const { states, idleAfterMs, secondReply } = await idleConnectionClosed(100);
  assert.deepEqual(states, ['READY', 'IDLE', 'READY']);
  // The server starts counting when its side of the call closes, a little
  // before the client has the reply; so a little under 100 ms, not far under.
  assert.ok(idleAfterMs >= 50, `IDLE after ${idleAfterMs} ms`);
  assert.equal(secondReply, 'Hello, again');
});
