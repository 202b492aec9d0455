// What a server's memory does after many abandoned streams, measured:
// `npx tsx chapters/08-when-calls-go-wrong/bad-input/abandoned-streams.ts`.
// Starts chapter 04's RouteGuide in a child process, with grpc-js's defaults
// and then with SERVER_OPTIONS; three rounds of 1,000 RouteChat calls (10
// connections of 100) that are opened, never half-closed, and then reset by
// the client, as a client that goes away does. The child counts the RouteChat handlers
// still running; after each round it waits for that count to reach 0,
// collects garbage, and reports its RSS (what the OS has given the process)
// and its live V8 heap (what is still referenced).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import * as grpc from '@grpc/grpc-js';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { DEFAULT_FEATURE_FILE, loadFeatureFile } from '../../04-route-guide-streaming/model/feature-file.ts';
import { addRouteGuide, createRouteGuide } from '../../04-route-guide-streaming/route-guide.ts';
import { SERVER_OPTIONS } from '../../shared/server-options.ts';

const ROUNDS = 3;
const CONNECTIONS = 10;
const STREAMS_PER_CONNECTION = 100; // SERVER_OPTIONS' cap per connection
const MiB = 2 ** 20;

if (process.argv[2] === 'serve') {
  const server = new grpc.Server(process.argv[3] === 'SERVER_OPTIONS' ? SERVER_OPTIONS : {});
  const guide = createRouteGuide(loadFeatureFile(DEFAULT_FEATURE_FILE));
  let running = 0;
  const routeChat = guide.handlers.RouteChat;
  addRouteGuide(server, {
    ...guide,
    handlers: {
      GetFeature: guide.handlers.GetFeature,
      ListFeatures: guide.handlers.ListFeatures,
      RecordRoute: guide.handlers.RecordRoute,
      RouteChat: (call) => {
        running++;
        call.once('close', () => running--);
        routeChat(call);
      },
    },
  });
  server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
    if (error) throw error;
    console.log(port);
  });
  createInterface({ input: process.stdin }).on('line', () => {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    console.log(`${running} ${(rss / MiB).toFixed(0)} ${(heapUsed / MiB).toFixed(1)}`);
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
  const sample = async () => {
    child.stdin!.write('\n');
    const [running, rss, heap] = (await next()).split(' ');
    return { running: Number(running), rss, heap };
  };
  /** Samples until `running` handlers are counted, 10 s at most. */
  const until = async (running: number) => {
    for (let i = 0; i < 200; i++) {
      const now = await sample();
      if (now.running === running) return now;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the server never had ${running} RouteChat handlers running`);
  };
  const fresh = await sample();
  console.log(`  fresh: RSS ${fresh.rss} MiB, live heap ${fresh.heap} MiB`);
  for (let round = 1; round <= ROUNDS; round++) {
    const clients = Array.from(
      { length: CONNECTIONS },
      // A pool of its own for each client: one connection each, not one shared.
      () => new routeguide.RouteGuideClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 }),
    );
    const calls = clients.flatMap((client) => Array.from({ length: STREAMS_PER_CONNECTION }, () => client.RouteChat().on('error', () => {})));
    await until(CONNECTIONS * STREAMS_PER_CONNECTION);
    const peak = await sample();
    // The client goes away without half-closing: every stream is reset (CANCELLED on the server).
    for (const call of calls) call.cancel();
    for (const client of clients) client.close();
    const after = await until(0);
    console.log(`  round ${round}: ${CONNECTIONS * STREAMS_PER_CONNECTION} streams open (RSS ${peak.rss} MiB), then abandoned: 0 handlers left, RSS ${after.rss} MiB, live heap ${after.heap} MiB`);
  }
  child.kill();
}
