import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runScript, startServerScript } from '../../shared/testing.ts';

test('split run: the client gives up in every way the chapter shows; the server says what it saw', async () => {
  const server = await startServerScript('chapters/08-when-calls-go-wrong/server.ts');
  const client = await runScript('chapters/08-when-calls-go-wrong/client.ts', ['--addr', server.address]);
  const stopped = await server.interrupt();
  assert.equal(client.code, 0, client.stderr);
  assert.match(
    client.stdout,
    /statuses: DEADLINE_EXCEEDED, DEADLINE_EXCEEDED, DEADLINE_EXCEEDED; 3 of 3 streams cancelled; INVALID_ARGUMENT with 3 field violations; RESOURCE_EXHAUSTED for 5 MiB\n$/,
  );
  assert.match(client.stdout, /✖ RESOURCE_EXHAUSTED \(8\): Received message larger than max \(5242885 vs 4194304\)/);
  assert.equal(stopped.code, 0, stopped.stderr);
  for (const method of ['GetFeature', 'ListFeatures', 'RecordRoute', 'RouteChat']) {
    assert.match(stopped.stdout, new RegExp(`RouteGuide\\.${method}: cancelled after \\d+ ms; received \\d+, sent \\d+; 0 steps of work after a cancel`));
  }
  assert.match(stopped.stdout, /RouteGuide\.ListFeatures: refused after \d+ ms/);
  assert.match(stopped.stdout, /back end: arrived with \d+ ms to its deadline; cancelled after \d+ ms/);
  assert.match(stopped.stdout, /back end: arrived with \d+ ms to its deadline; finished after \d+ ms/);
  assert.match(stopped.stdout, /SIGINT: finishing in-flight calls, then stopping\nstopped\n$/);
});
