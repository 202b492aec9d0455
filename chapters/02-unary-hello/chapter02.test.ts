import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';
import { startServer, type RunningServer } from '../shared/server.ts';
import { runScript, startServerScript } from '../shared/testing.ts';
import { addDynamicGreeter } from './dynamic-greeter.ts';
import { dynamicGreeterCalls, staticGreeterCalls } from './greeter-clients.ts';
import { slowGreeter } from './slow-greeter.ts';
import { addStaticGreeter } from './static-greeter.ts';

describe('Greeter: either client against either server', () => {
  const servers: RunningServer[] = [];
  before(async () => {
    servers.push(await startServer(addStaticGreeter), await startServer(addDynamicGreeter));
  });
  after(() => Promise.all(servers.map((server) => server.stop())));

  for (const [serverIndex, serverKind] of ['static', 'dynamic'].entries()) {
    for (const open of [staticGreeterCalls, dynamicGreeterCalls]) {
      test(`${open.name} → ${serverKind} server`, async () => {
        const client = open(servers[serverIndex].address);
        try {
          assert.equal(await client.sayHello('World'), 'Hello, World');
          assert.equal(await client.sayHelloAgain('Ada'), 'Hello again, Ada');
          assert.equal(await client.sayHello('Grüße 👋'), 'Hello, Grüße 👋');
          await assert.rejects(client.sayHello(''), { code: status.INVALID_ARGUMENT, details: 'name must not be empty' });
          await assert.rejects(client.sayHelloAgain(''), { code: status.INVALID_ARGUMENT, details: 'name must not be empty' });
        } finally {
          client.close();
        }
      });
    }
  }
});

test('a call past its deadline gets DEADLINE_EXCEEDED and the server stops working on it', async () => {
  const slow = slowGreeter(5_000);
  const server = await startServer((s) => s.addService(helloworld.UnimplementedGreeterService.definition, slow.handlers));
  const client = staticGreeterCalls(server.address);
  try {
    const cancelled = once(slow.events, 'cancelled', { signal: AbortSignal.timeout(5_000) });
    const started = Date.now();
    await assert.rejects(client.sayHello('World', { deadline: new Date(Date.now() + 100) }), {
      code: status.DEADLINE_EXCEEDED,
    });
    const waited = Date.now() - started;
    assert.ok(waited >= 90 && waited < 2_000, `the client gave up after ${waited} ms`);
    const [elapsedMs] = await cancelled;
    assert.ok(elapsedMs < 2_000, `the handler was cancelled after ${elapsedMs} ms, not left to run 5 s`);
  } finally {
    client.close();
    await server.stop();
  }
});

test('a call to a stopped server fails fast with UNAVAILABLE', async () => {
  const server = await startServer(addStaticGreeter);
  const client = staticGreeterCalls(server.address);
  try {
    assert.equal(await client.sayHello('World'), 'Hello, World');
    await server.stop();
    await assert.rejects(client.sayHello('World', { deadline: new Date(Date.now() + 5_000) }), (error: { code: number; details: string }) => {
      assert.equal(error.code, status.UNAVAILABLE);
      assert.match(error.details, /ECONNREFUSED/);
      return true;
    });
  } finally {
    client.close();
  }
});

describe('split run: server.ts and client.ts in two processes', () => {
  test('the client greets the server with both stubs, and Ctrl-C stops the server cleanly', async () => {
    const server = await startServerScript('chapters/02-unary-hello/server.ts');
    const client = await runScript('chapters/02-unary-hello/client.ts', ['--addr', server.address]);
    const stopped = await server.interrupt();
    assert.equal(client.code, 0, client.stderr);
    assert.equal(client.stdout.match(/← \{"message":"Hello, World"\}/g)?.length, 2);
    assert.equal(client.stdout.match(/← \{"message":"Hello again, World"\}/g)?.length, 2);
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stdout, /SIGINT: finishing in-flight calls, then stopping\nstopped\n$/);
  });

  test('the client exits 1 with the status when no server is there', async () => {
    const stopped = await startServerScript('chapters/02-unary-hello/server.ts');
    await stopped.interrupt(); // its port is now free and nothing listens on it
    const client = await runScript('chapters/02-unary-hello/client.ts', ['--addr', stopped.address]);
    assert.equal(client.code, 1);
    assert.match(client.stderr, /client failed: UNAVAILABLE \(14\)/);
  });

  test('a server whose port is taken exits 1 and says so', async () => {
    const first = await startServerScript('chapters/02-unary-hello/server.ts');
    try {
      const port = first.address.slice(first.address.lastIndexOf(':') + 1);
      const second = await runScript('chapters/02-unary-hello/server.ts', ['--port', port]);
      assert.equal(second.code, 1);
      assert.match(second.stderr, new RegExp(`could not listen on localhost:${port}: .*EADDRINUSE`));
      assert.doesNotMatch(second.stderr, /^E No address added/m, "only the workbook's message, not grpc-js's log line too");
    } finally {
      await first.interrupt();
    }
  });

  test('--help explains both halves; a bad flag is a usage error', async () => {
    const help = await runScript('chapters/02-unary-hello/server.ts', ['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--port 50051/);
    assert.match(help.stdout, /client\.ts --addr localhost:50051/);
    const clientHelp = await runScript('chapters/02-unary-hello/client.ts', ['--help']);
    assert.equal(clientHelp.code, 0);
    assert.match(clientHelp.stdout, /--addr localhost:50051/);
    const bad = await runScript('chapters/02-unary-hello/client.ts', ['--addr', 'nowhere']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--addr must look like host:port .* got "nowhere"/);
  });
});
