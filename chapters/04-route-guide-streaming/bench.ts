// npx tsx chapters/04-route-guide-streaming/bench.ts (also part of npm run bench):
// ListFeatures throughput over loopback for 100,000 features, and the
// round-trip latency of one note on an open RouteChat stream, beside a unary
// GetFeature for comparison. Client and server share one process (and, on a
// small machine, the same cores), so read the numbers as an order of magnitude.
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { routeguide } from '../../generated/static/route_guide.ts';
import { callUnary, deadlineIn } from '../shared/client.ts';
import { startServer } from '../shared/server.ts';
import { messagesOf } from '../shared/streams.ts';
import { makeFeatures } from './tools/feature-generator.ts';
import { addRouteGuide, createRouteGuide } from './route-guide.ts';
import { openRouteGuide } from './route-guide-client.ts';
import { EVERYWHERE } from './tour/stream-control.ts';
import { median } from '../shared/measure.ts';

const FEATURES = 100_000;
const STREAM_RUNS = 5;
const ROUND_TRIPS = 2_000;
const WARM_UP = 200;

const { Point, RouteNote } = routeguide;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (value: number) => `${value.toFixed(3)} ms`;

const guide = createRouteGuide(makeFeatures(FEATURES, 1), { maxNotes: 2 * (ROUND_TRIPS + WARM_UP) });
const server = await startServer((s) => addRouteGuide(s, guide));
const client = openRouteGuide(server.address);

try {
  console.log(`ListFeatures, ${FEATURES.toLocaleString('en-US')} features, ${STREAM_RUNS} runs, client reading with for await:`);
  const rates: number[] = [];
  for (let run = 0; run < STREAM_RUNS; run++) {
    const start = performance.now();
    let received = 0;
    for await (const _ of messagesOf(client.ListFeatures(EVERYWHERE, { deadline: deadlineIn(120_000) }))) received++;
    const seconds = (performance.now() - start) / 1000;
    if (received !== FEATURES) throw new Error(`run ${run + 1} received ${received} features`);
    rates.push(received / seconds);
    console.log(`  run ${run + 1}: ${seconds.toFixed(2)} s, ${Math.round(received / seconds).toLocaleString('en-US')} features/s`);
  }
  console.log(`  median ${Math.round(median(rates)).toLocaleString('en-US')} features/s`);

  // Each measured note goes to a place that holds exactly one earlier note, so
  // it is answered by exactly one reply: the round trip is write → 'data'.
  const places = Array.from({ length: WARM_UP + ROUND_TRIPS }, (_, i) => new Point({ latitude: i, longitude: i }));
  const seed = client.RouteChat({ deadline: deadlineIn(60_000) });
  for (const place of places) seed.write(new RouteNote({ location: place, message: 'anchor' }));
  seed.end();
  await once(seed.resume(), 'end');

  const chat = client.RouteChat({ deadline: deadlineIn(120_000) });
  const chatTimes: number[] = [];
  for (const [i, place] of places.entries()) {
    const start = performance.now();
    const reply = once(chat, 'data');
    chat.write(new RouteNote({ location: place, message: 'ping' }));
    await reply;
    if (i >= WARM_UP) chatTimes.push(performance.now() - start);
  }
  chat.end();
  await once(chat.resume(), 'end');

  const unaryTimes: number[] = [];
  for (let i = 0; i < WARM_UP + ROUND_TRIPS; i++) {
    const start = performance.now();
    await callUnary(client.GetFeature, places[i % places.length]);
    if (i >= WARM_UP) unaryTimes.push(performance.now() - start);
  }

  console.log(`Round trips, ${ROUND_TRIPS.toLocaleString('en-US')} after ${WARM_UP} to warm up:`);
  for (const [what, times] of [
    ['RouteChat: a note and its reply on one open stream', chatTimes],
    ['GetFeature: a unary call each time', unaryTimes],
  ] as const) {
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`  ${what.padEnd(52)} p50 ${ms(percentile(sorted, 50))}   p99 ${ms(percentile(sorted, 99))}`);
  }
} finally {
  client.close();
  await server.stop();
}
