// server.ts and client.ts in two processes, as a learner runs them in two terminals.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runScript, startServerScript } from '../../shared/testing.ts';

const SERVER = 'chapters/04-route-guide-streaming/server.ts';
const CLIENT = 'chapters/04-route-guide-streaming/client.ts';

const folder = mkdtempSync(join(tmpdir(), 'route-guide-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function featureFile(name: string, contents: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, typeof contents === 'string' ? contents : JSON.stringify(contents));
  return path;
}

describe('split run', () => {
  test('the client makes all four kinds of call; a second client hears the first one\'s notes; Ctrl-C stops the server', async () => {
    const server = await startServerScript(SERVER);
    const first = await runScript(CLIENT, ['--addr', server.address]);
    const second = await runScript(CLIENT, ['--addr', server.address]);
    const stopped = await server.interrupt();
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /← \{"name":"Crooked Cove","location":\{"latitude":418472723,"longitude":-743339083\}\}/);
    assert.match(first.stdout, /8 features; the call emitted: metadata, data ×8, status OK, end, close/);
    assert.match(first.stdout, /← \{"point_count":5,"feature_count":4,"distance":346955,"elapsed_time":0\}/);
    assert.match(
      first.stdout,
      /8 features listed; route: 5 points, 4 features, 346955 m; 3 chat replies; refused as intended: INVALID_ARGUMENT, INVALID_ARGUMENT\n$/,
    );
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /8 features listed; route: 5 points, 4 features, 346955 m; 13 chat replies;/, 'the notes of the first run are still there');
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stdout, /^RouteGuide \(100 features from chapters\/04-route-guide-streaming\/features\.json\) listening on /);
    assert.match(stopped.stdout, /stopped\n$/);
  });

  test('--db serves another feature file', async () => {
    const db = featureFile('two.json', [
      { name: 'Left Bank', location: { latitude: 412_000_000, longitude: -736_000_000 } },
      { name: 'Crooked Cove, again', location: { latitude: 418_472_723, longitude: -743_339_083 } },
    ]);
    const server = await startServerScript(SERVER, ['--db', db]);
    const client = await runScript(CLIENT, ['--addr', server.address]);
    const stopped = await server.interrupt();
    assert.equal(client.code, 0, client.stderr);
    assert.match(client.stdout, /← \{"name":"Crooked Cove, again",/);
    assert.match(client.stdout, /1 features; the call emitted: metadata, data, status OK, end, close/);
    assert.match(client.stdout, /route: 5 points, 2 features, 346955 m/);
    assert.match(stopped.stdout, /RouteGuide \(2 features from .*two\.json\) listening on/);
  });

  test('a bad --db file stops the server before it listens, naming the entry', async () => {
    const db = featureFile('bad.json', [
      { name: 'Fine', location: { latitude: 1, longitude: 2 } },
      { name: 'Typo', location: { latitude: 4_184_727_230, longitude: -743_339_083 } },
    ]);
    const result = await runScript(SERVER, ['--port', '0', '--db', db]);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr.trim(), `error: ${db}: entry [1] "Typo": latitude 4184727230 is outside ±900000000 (±90° in E7)`);
  });

  test('--help explains the flags and the file format', async () => {
    const help = await runScript(SERVER, ['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /\[--port 50051\] \[--db path\/to\/features\.json\]/);
    assert.match(help.stdout, /\{"name": "Heron Pond", "location": \{"latitude": 409146138, "longitude": -746188906\}\}/);
  });
});
