// npx tsx chapters/11-many-servers/bench.ts (also part of npm run bench):
// what gzip costs and saves per call, on loopback. Bytes from the counting
// proxy; time per call from the fastest of 9 batches of calls, the batch least
// disturbed by whatever else the machine was doing.
import { performance } from 'node:perf_hooks';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ChannelOptions } from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';
import { timeCalls } from '../shared/measure.ts';
import { startServer } from '../shared/server.ts';
import { greeterBackend } from './backend.ts';
import { bytesForOneCall, GZIP_CHANNEL, PAYLOADS, PLAIN_CHANNEL } from './compression/compression.ts';
import { openFleetGreeter } from './fleet-client.ts';

const BATCHES = 9;
const CALLS_PER_BATCH = 20;

async function microsPerCall(address: string, options: ChannelOptions, name: string): Promise<number> {
  const fleet = openFleetGreeter(address, options);
  try {
    for (let i = 0; i < CALLS_PER_BATCH; i++) await fleet.greet(name); // warm-up
    const perCall: number[] = [];
    for (let batch = 0; batch < BATCHES; batch++) {
      const start = performance.now();
      for (let i = 0; i < CALLS_PER_BATCH; i++) await fleet.greet(name);
      perCall.push(((performance.now() - start) * 1000) / CALLS_PER_BATCH);
    }
    return Math.min(...perCall);
  } finally {
    fleet.close();
  }
}

const server = await startServer(greeterBackend('bench').addTo);
try {
  console.log('One SayHello per row, over loopback. ↑ B: bytes client→server (counting proxy);');
  console.log('µs/call: fastest of 9 batches of 20 calls; gzip(), gunzip(): zlib on the request alone (median).');
  const columns = ['↑ B plain', '↑ B gzip', 'µs/call plain', 'µs/call gzip', 'gzip() µs', 'gunzip() µs'];
  console.log(`  ${'request name'.padEnd(30)}${columns.map((column) => column.padStart(14)).join('')}`);
  for (const { label, name } of PAYLOADS) {
    const payload = name();
    const request = Buffer.from(new helloworld.HelloRequest({ name: payload }).serialize());
    const plainBytes = (await bytesForOneCall(server.port, PLAIN_CHANNEL, payload)).up;
    const gzipBytes = (await bytesForOneCall(server.port, GZIP_CHANNEL, payload)).up;
    const plainMicros = await microsPerCall(server.address, PLAIN_CHANNEL, payload);
    const gzipMicros = await microsPerCall(server.address, GZIP_CHANNEL, payload);
    const compressed = gzipSync(request);
    const compressMicros = timeCalls(() => gzipSync(request), 200).microsPerCall;
    const inflateMicros = timeCalls(() => gunzipSync(compressed), 200).microsPerCall;
    const n = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 0 });
    const cells = [plainBytes, gzipBytes, plainMicros, gzipMicros, compressMicros, inflateMicros];
    console.log(`  ${label.padEnd(30)}${cells.map((cell) => n(cell).padStart(14)).join('')}`);
  }
} finally {
  await server.stop();
}
