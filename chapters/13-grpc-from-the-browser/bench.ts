// npx tsx chapters/13-grpc-from-the-browser/bench.ts (also part of npm run bench):
// the same SayHello("World") round trip, one call at a time from Node on
// loopback, in each protocol: gRPC to a grpc-js server (chapter 02's) and to
// the connect-node server, gRPC-Web, Connect binary and Connect JSON. Then the
// bytes one call puts on the wire in each, counted by chapter 11's TCP proxy
// once the connection is open (HTTP/2 framing and compressed headers included).
// Client and server share one process and the machine's cores: read the rates
// as an order of magnitude, and quote them with the load average.
import { performance } from 'node:perf_hooks';
import { createClient, type Transport } from '@connectrpc/connect';
import { Greeter } from '../../generated/es/hello_pb.ts';
import { staticGreeterCalls } from '../02-unary-hello/greeter-clients.ts';
import { addStaticGreeter } from '../02-unary-hello/static-greeter.ts';
import { startWireCounter } from '../11-many-servers/compression/wire-counter.ts';
import { loadAverage, median } from '../shared/measure.ts';
import { startServer } from '../shared/server.ts';
import { nodeTransports, type Protocol } from './from-node/node-transports.ts';
import { startWebServer } from './web-server.ts';

const BATCHES = 3;
const CALLS_PER_BATCH = 500;
const WARM_UP = 100;
const CALLS_FOR_BYTES = 50;

interface Caller {
  sayHello(): Promise<string>;
  close(): void;
}

interface Row {
  label: string;
  /** host:port to call; the proxy that counts bytes goes in front of it. */
  address: string;
  open(address: string): Caller;
}

const grpcJsCaller = (address: string): Caller => {
  const greeter = staticGreeterCalls(address);
  return { sayHello: () => greeter.sayHello('World'), close: () => greeter.close() };
};

const connectCaller = (protocol: Protocol) => (address: string): Caller => {
  const transports = nodeTransports(address);
  return connectClient(transports.byProtocol[protocol], transports.close);
};

/** Connect JSON from Node's fetch over HTTP/1.1: what a page sends, minus the browser's own headers. */
const fetchCaller = (address: string): Caller => ({
  async sayHello() {
    const response = await fetch(`http://${address}/helloworld.Greeter/SayHello`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"World"}',
    });
    return ((await response.json()) as { message: string }).message;
  },
  close() {},
});

function connectClient(transport: Transport, close: () => void): Caller {
  const greeter = createClient(Greeter, transport);
  return { sayHello: async () => (await greeter.sayHello({ name: 'World' })).message, close };
}

async function callsPerSecond(caller: Caller): Promise<number> {
  for (let i = 0; i < WARM_UP; i++) await caller.sayHello();
  const rates: number[] = [];
  for (let batch = 0; batch < BATCHES; batch++) {
    const start = performance.now();
    for (let i = 0; i < CALLS_PER_BATCH; i++) await caller.sayHello();
    rates.push(CALLS_PER_BATCH / ((performance.now() - start) / 1000));
  }
  return median(rates);
}

async function bytesPerCall(row: Row): Promise<{ up: number; down: number }> {
  const counter = await startWireCounter(Number(row.address.split(':').pop()));
  const caller = row.open(counter.address);
  try {
    // The first call also opens the connection (and, for HTTP/2, fills the header tables).
    if ((await caller.sayHello()) !== 'Hello, World') throw new Error(`${row.label}: wrong greeting`);
    const before = counter.counts();
    for (let i = 0; i < CALLS_FOR_BYTES; i++) await caller.sayHello();
    const after = counter.counts();
    // A second HTTP/2 connection would add its preface and settings to the count.
    // (HTTP/1.1 has neither, and Node's fetch may open a second connection.)
    if (!row.label.includes('HTTP/1.1') && after.connections !== 1) throw new Error(`${row.label}: ${after.connections} connections, expected one`);
    return { up: (after.up - before.up) / CALLS_FOR_BYTES, down: (after.down - before.down) / CALLS_FOR_BYTES };
  } finally {
    caller.close();
    await counter.close();
  }
}

const grpcJsServer = await startServer(addStaticGreeter);
const connectServer = await startWebServer();
const rows: Row[] = [
  { label: 'gRPC, grpc-js client → grpc-js server', address: grpcJsServer.address, open: grpcJsCaller },
  { label: 'gRPC, grpc-js client → connect-node server', address: connectServer.grpcAddress, open: grpcJsCaller },
  { label: 'gRPC, connect-node client and server', address: connectServer.grpcAddress, open: connectCaller('gRPC') },
  { label: 'gRPC-Web, connect-node, HTTP/2', address: connectServer.grpcAddress, open: connectCaller('gRPC-Web') },
  { label: 'Connect binary, connect-node, HTTP/2', address: connectServer.grpcAddress, open: connectCaller('Connect (binary)') },
  { label: 'Connect JSON, connect-node, HTTP/2', address: connectServer.grpcAddress, open: connectCaller('Connect (JSON)') },
  { label: 'Connect JSON, fetch, HTTP/1.1', address: new URL(connectServer.pageUrl).host, open: fetchCaller },
];

try {
  console.log(`SayHello("World"), one call at a time, ${BATCHES} batches of ${CALLS_PER_BATCH} after ${WARM_UP} to warm up (median batch);`);
  console.log(`bytes: the average of ${CALLS_FOR_BYTES} calls on an open connection, through a counting proxy`);
  console.log(`load average before: ${loadAverage()}\n`);
  console.log(`${'protocol'.padEnd(46)}${'calls/s'.padStart(9)}${'bytes up'.padStart(10)}${'bytes down'.padStart(12)}`);
  for (const row of rows) {
    const caller = row.open(row.address);
    let rate: number;
    try {
      rate = await callsPerSecond(caller);
    } finally {
      caller.close();
    }
    const { up, down } = await bytesPerCall(row);
    console.log(`${row.label.padEnd(46)}${Math.round(rate).toLocaleString('en-US').padStart(9)}${up.toFixed(0).padStart(10)}${down.toFixed(0).padStart(12)}`);
  }
  console.log(`\nload average after: ${loadAverage()}`);
} finally {
  await Promise.all([grpcJsServer.stop(), connectServer.stop()]);
}
