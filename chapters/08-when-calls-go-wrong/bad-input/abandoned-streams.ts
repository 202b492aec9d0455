// What a server's memory does after many abandoned streams, measured:
// `npx tsx chapters/08-when-calls-go-wrong/bad-input/abandoned-streams.ts`.
// Starts chapter 04's RouteGuide in a child process, with grpc-js's defaults
// and then with SERVER_OPTIONS (100 streams per connection at most); three
// rounds of 1,000 RouteChat calls that each send a 1 KB note and are then
// dropped (the client closes its connection with the calls still open). After
// each round the child collects garbage and reports its RSS (what the OS has
// given the process) and its live V8 heap (what is still referenced).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import * as grpc from '@grpc/grpc-js';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { DEFAULT_FEATURE_FILE, loadFeatureFile } from '../../04-route-guide-streaming/feature-file.ts';
import { addRouteGuide, createRouteGuide } from '../../04-route-guide-streaming/route-guide.ts';
import { SERVER_OPTIONS } from '../../shared/server-options.ts';

const ROUNDS = 3;
const STREAMS = 1_000;
const MiB = 2 ** 20;

if (process.argv[2] === 'serve') {
  const server = new grpc.Server(process.argv[3] === 'SERVER_OPTIONS' ? SERVER_OPTIONS : {});
  // maxNotes 0: the store keeps no notes, so what stays is what the calls hold.
  addRouteGuide(server, createRouteGuide(loadFeatureFile(DEFAULT_FEATURE_FILE), { maxNotes: 0 }));
  server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
    if (error) throw error;
    console.log(port);
  });
  createInterface({ input: process.stdin }).on('line', () => {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    console.log(`${(rss / MiB).toFixed(0)} ${(heapUsed / MiB).toFixed(1)}`);
  });
} else {
  for (const options of ['grpc-js defaults', 'SERVER_OPTIONS']) await abandonStreams(options);
}

async function abandonStreams(options: string): Promise<void> {
  console.log(`chapter 04's RouteGuide with ${options}:`);
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename, 'serve', options], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value);
  const port = Number(await next());
  const measure = async (when: string) => {
    child.stdin!.write('\n');
    const [rss, heap] = (await next()).split(' ');
    console.log(`  ${when}: RSS ${rss} MiB, live heap ${heap} MiB`);
  };
  await measure('fresh');
  const note = new routeguide.RouteNote({ location: new routeguide.Point({ latitude: 409146138, longitude: -746188906 }), message: 'x'.repeat(1_000) });
  for (let round = 1; round <= ROUNDS; round++) {
    const client = new routeguide.RouteGuideClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const calls = Array.from({ length: STREAMS }, () => {
      const call = client.RouteChat();
      call.on('error', () => {}); // CANCELLED, when the client goes
      call.write(note);
      return call;
    });
    // Wait until the server has read every note: one more call's reply comes after them (same connection, in order).
    await new Promise<void>((resolve) => client.GetFeature(note.location, () => resolve()));
    client.close();
    for (const call of calls) call.cancel();
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the server see the connection go
    await measure(`after round ${round} (${round * STREAMS} abandoned streams)`);
  }
  child.kill();
}
