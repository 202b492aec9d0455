import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runScript, startServerScript, type ServerProcess } from '../../shared/testing.ts';

const SERVER = 'chapters/11-many-servers/server.ts';
const CLIENT = 'chapters/11-many-servers/client.ts';

/** The backends named in the client's output, one per answered call. */
const answeredBy = (stdout: string) => [...stdout.matchAll(/← \{"message":"Hello, World","backend":"(pid \d+)","attempt":\d+\}/g)].map((match) => match[1]);

describe('split run: three server.ts processes and one client.ts', () => {
  test('every call is answered, by the backends given; a stopped one is skipped; none at all is UNAVAILABLE', async () => {
    const servers: ServerProcess[] = await Promise.all([startServerScript(SERVER), startServerScript(SERVER), startServerScript(SERVER)]);
    const stopped = new Set<ServerProcess>();
    const stop = async (server: ServerProcess) => {
      stopped.add(server);
      const result = await server.interrupt();
      assert.equal(result.code, 0, result.stderr);
      return /Greeter backend "(pid \d+)"/.exec(result.stdout)?.[1];
    };
    try {
      const addresses = servers.map((server) => server.address);
      const all = await runScript(CLIENT, ['--addr', addresses[0], '--addr', `${addresses[1]},${addresses[2]}`]);
      assert.equal(all.code, 0, all.stderr);
      assert.equal(answeredBy(all.stdout).length, 9, all.stdout);
      assert.match(all.stdout, /round_robin over ipv4:127\.0\.0\.1:\d+,127\.0\.0\.1:\d+,127\.0\.0\.1:\d+\n/);

      const gone = await stop(servers[1]);
      const two = await runScript(CLIENT, ['--addr', addresses.join(',')]);
      assert.equal(two.code, 0, two.stderr);
      assert.equal(answeredBy(two.stdout).length, 9, two.stdout);
      assert.ok(gone && !answeredBy(two.stdout).includes(gone), `${gone} answered after it stopped`);

      await Promise.all([stop(servers[0]), stop(servers[2])]);
      const none = await runScript(CLIENT, ['--addr', addresses.join(',')]);
      assert.equal(none.code, 1);
      assert.match(none.stderr, /client failed: UNAVAILABLE \(14\)/);
    } finally {
      await Promise.all(servers.filter((server) => !stopped.has(server)).map((server) => server.interrupt()));
    }
  });

  test('--help explains both halves; an address that is not host:port is a usage error', async () => {
    const help = await runScript(SERVER, ['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--port 50053/);
    const clientHelp = await runScript(CLIENT, ['--help']);
    assert.equal(clientHelp.code, 0);
    assert.match(clientHelp.stdout, /\[--addr host:port\]\.\.\./);
    const bad = await runScript(CLIENT, ['--addr', 'localhost:50051,nowhere']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--addr must look like host:port .* got "nowhere"/);
  });
});
