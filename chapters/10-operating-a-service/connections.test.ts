import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idleConnectionClosed } from './idle.ts';
import { DEMO_KEEPALIVE, freezeUnderOpenStreams } from './keepalive.ts';
import { traceLines } from './trace-lines.ts';

test('a frozen connection: keepalive turns it into UNAVAILABLE on both sides; without keepalive only the deadline ends the call', async () => {
  const deadlineMs = 1_500;
  const { withKeepalive, withoutKeepalive, serverCancelledAfterMs } = await freezeUnderOpenStreams(deadlineMs);
  const pingTimeout = DEMO_KEEPALIVE['grpc.keepalive_timeout_ms'];

  assert.equal(withKeepalive.status, 'UNAVAILABLE');
  assert.equal(withKeepalive.details, 'Connection dropped');
  // Found out when a ping went unanswered: at least one ping timeout after
  // the freeze, and long before the deadline.
  assert.ok(withKeepalive.afterMs >= pingTimeout - 5 && withKeepalive.afterMs < deadlineMs - 300, `after ${withKeepalive.afterMs} ms`);

  assert.equal(withoutKeepalive.status, 'DEADLINE_EXCEEDED');
  assert.ok(withoutKeepalive.afterMs > withKeepalive.afterMs);

  assert.ok(serverCancelledAfterMs >= pingTimeout - 5 && serverCancelledAfterMs < deadlineMs - 300, `after ${serverCancelledAfterMs} ms`);
});

test('an idle connection is closed by the server, and the next call reconnects', async () => {
  const { states, idleAfterMs, secondReply } = await idleConnectionClosed(100);
  assert.deepEqual(states, ['READY', 'IDLE', 'READY']);
  // The server starts counting when its side of the call closes, a little
  // before the client has the reply; so a little under 100 ms, not far under.
  assert.ok(idleAfterMs >= 50, `IDLE after ${idleAfterMs} ms`);
  assert.equal(secondReply, 'Hello, again');
});

test('trace lines: the ones asked for, timed from the first trace line, other output ignored', () => {
  const stderr = [
    'D 2026-01-01T12:00:00.100Z | v1.14.7 4242 | keepalive | (1) Starting keepalive timer for 200ms',
    'something else on stderr',
    'D 2026-01-01T12:00:00.300Z | v1.14.7 4242 | keepalive | (1) Sending ping with timeout 100ms',
    'D 2026-01-01T12:00:00.401Z | v1.14.7 4242 | keepalive | (1) Ping timeout passed without response',
    '',
  ].join('\n');
  assert.deepEqual(traceLines(stderr, /Sending ping|Ping timeout/), [
    '+200 ms  keepalive | (1) Sending ping with timeout 100ms',
    '+301 ms  keepalive | (1) Ping timeout passed without response',
  ]);
  assert.deepEqual(traceLines('no trace here\n', /./), []);
});
