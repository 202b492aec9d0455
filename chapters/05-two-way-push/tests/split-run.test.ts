import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { status, type ServiceError } from '@grpc/grpc-js';
import { UsageError } from '../../shared/cli.ts';
import { startServer } from '../../shared/server.ts';
import { runScript, startServerScript } from '../../shared/testing.ts';
import { eventually } from './eventually.ts';
import { parseClientIdFlag, parseWholeNumber } from '../flags.ts';
import { TaskWorker } from '../task-worker.ts';

const SERVER = 'chapters/05-two-way-push/server.ts';
const CLIENT = 'chapters/05-two-way-push/client.ts';

async function journalIn(t: TestContext): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'grpc-workbook-05-split-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  return join(folder, 'journal.jsonl');
}

describe('split run: server.ts and client.ts in two processes', () => {
  test('the client does three pushed tasks, has them confirmed, and says goodbye; Ctrl-C stops the server', async (t) => {
    const journalPath = await journalIn(t);
    const server = await startServerScript(SERVER, ['--state', journalPath, '--every', '20']);
    const client = await runScript(CLIENT, ['--addr', server.address, '--id', 'split-run', '--tasks', '3']);
    const stopped = await server.interrupt();
    assert.equal(client.code, 0, client.stderr);
    assert.match(client.stdout, /split-run: getTask stream 1 is open/);
    assert.equal(client.stdout.match(/split-run ← #\d+ "task made at \d\d:\d\d:\d\d\.\d\d\d"\n/g)?.length, 3);
    assert.match(client.stdout, /split-run stops: 3 tasks done, 0 results unconfirmed/);
    assert.match(client.stdout, /sendStatus ← split-run is "leaving"; \d+ unacknowledged tasks?\n$/);
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stdout, /^journal .*journal\.jsonl replayed: clients 0, tasks 0, results 0\nContact listening on /);
    assert.match(stopped.stdout, /SIGINT: finishing in-flight calls, then stopping\nstopped\n$/);
  });

  test('Ctrl-C ends open getTask streams with UNAVAILABLE, so clients know to reconnect', async (t) => {
    const server = await startServerScript(SERVER, ['--state', await journalIn(t), '--every', '0']);
    const worker = new TaskWorker({ address: server.address, clientId: 'alice', work: () => 'done', maxRetries: 0 });
    t.after(() => worker.stop());
    let subscribed = false;
    worker.on('subscribed', () => (subscribed = true));
    const ended = worker.start().then(
      () => assert.fail('the worker should have given up'),
      (error: ServiceError) => error,
    );
    await eventually('the worker is subscribed', () => subscribed, 20_000);
    const stopped = await server.interrupt();
    await assert.rejects(Promise.reject(await ended), (error: ServiceError) => {
      assert.deepEqual([error.code, error.details], [status.UNAVAILABLE, 'the server is shutting down; reconnect with backoff']);
      return true;
    });
    assert.equal(stopped.code, 0, stopped.stderr);
  });

  test('with no server, the client retries, gives up, and exits 1 with the status', async () => {
    const gone = await startServer(() => {});
    await gone.stop();
    const client = await runScript(CLIENT, ['--addr', gone.address, '--retries', '1']);
    assert.equal(client.code, 1);
    assert.match(client.stdout, /stream lost \(UNAVAILABLE\); retry 1 in \d+ ms/);
    assert.match(client.stderr, /client failed: UNAVAILABLE \(14\)/);
  });

  test('a damaged journal stops the server at start, naming the line', async (t) => {
    const journalPath = await journalIn(t);
    await writeFile(journalPath, '{"type":"client","client":"alice"}\nnot json\n');
    const server = await runScript(SERVER, ['--port', '0', '--state', journalPath]);
    assert.equal(server.code, 1);
    assert.match(server.stderr, /could not open the journal: .*journal\.jsonl line 2 is damaged/);
  });

  test('--help explains the server and its flags', async () => {
    const help = await runScript(SERVER, ['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--state FILE/);
    assert.match(help.stdout, /every MS milliseconds \(default 1000; 0: never\)/);
    assert.match(help.stdout, /client\.ts --addr localhost:50051/);
  });
});

test('flags are checked before anything starts, and a bad one is named', () => {
  assert.equal(parseWholeNumber('--every', '0', 0), 0);
  assert.equal(parseWholeNumber('--tasks', '12', 1), 12);
  for (const [text, min] of [['1.5', 0], ['-5', 0], ['0', 1], ['', 0], ['1e3', 0]] as const) {
    assert.throws(() => parseWholeNumber('--tasks', text, min), {
      name: 'Error',
      message: `--tasks must be a whole number from ${min} up, got "${text}"`,
    });
  }
  assert.equal(parseClientIdFlag('worker-1'), 'worker-1');
  assert.throws(() => parseClientIdFlag('a b'), (error: unknown) => {
    assert.ok(error instanceof UsageError);
    assert.match(error.message, /^--id: client-id must be 1 to 64 letters.*got "a b"$/);
    return true;
  });
});
