// Comparing servers written in different languages, fairly: one client (this
// process), one request encoded once, the very same bytes sent to every
// server, each server in its own process, and the servers taking turns, so
// that a burst of load elsewhere on the machine falls on all of them rather
// than on whichever happened to be running. Each call is timed from the call,
// with the bytes ready, to the reply decoded.
import { performance } from 'node:perf_hooks';
import * as grpc from '@grpc/grpc-js';
import { parseCommandLine } from '../../shared/cli.ts';
import { median } from '../../shared/measure.ts';

/** A server started for a comparison is stopped after this long, however the run is going. */
export const SERVER_LIFETIME_MS = 20 * 60_000;

/** The --runs N a comparison script was given (default 3). */
export function runsFromCommandLine(script: string): number {
  const { runs } = parseCommandLine(`Usage: npx tsx chapters/12-python-and-go-peers/${script} [--runs 3]`, {
    runs: { type: 'string', default: '3' },
  });
  return Math.max(1, Number(runs) || 3);
}

export interface ServerUnderTest<Reply> {
  name: string;
  address: string;
  /** Throws unless `reply` is the answer every server must give. */
  check(reply: Reply): void;
}

export interface Comparison {
  name: string;
  times: number[];
}


/**
 * Sends `request` (already encoded) to `path` on each server: one untimed
 * warm-up call each, then `runs` rounds of one timed call per server.
 */
export async function compareServers<Reply>(
  path: string,
  request: Buffer,
  decodeReply: (bytes: Buffer) => Reply,
  servers: readonly ServerUnderTest<Reply>[],
  { runs, deadlineMs, channelOptions }: { runs: number; deadlineMs: number; channelOptions?: grpc.ChannelOptions },
): Promise<Comparison[]> {
  const clients = servers.map(({ address }) => new grpc.Client(address, grpc.credentials.createInsecure(), channelOptions));
  const call = (client: grpc.Client) =>
    new Promise<Reply>((resolve, reject) => {
      // The identity function as the serializer: these bytes, unchanged, for every server.
      client.makeUnaryRequest(path, (bytes: Buffer) => bytes, decodeReply, request, { deadline: new Date(Date.now() + deadlineMs) }, (error, reply) =>
        error || reply === undefined ? reject(error ?? new Error('no reply')) : resolve(reply),
      );
    });
  try {
    for (const [i, server] of servers.entries()) server.check(await call(clients[i]));
    const times: number[][] = servers.map(() => []);
    for (let run = 0; run < runs; run++) {
      for (const [i, server] of servers.entries()) {
        const start = performance.now();
        const reply = await call(clients[i]);
        times[i].push(performance.now() - start);
        server.check(reply);
      }
    }
    return servers.map(({ name }, i) => ({ name, times: times[i] }));
  } finally {
    for (const client of clients) client.close();
  }
}

/** One line per server: median, each run, and how many times the first server's median it took. */
export function formatComparison(results: readonly Comparison[]): string[] {
  const baseline = median(results[0].times);
  return results.map(({ name, times }) => {
    const ratio = median(times) / baseline;
    return `  ${name.padEnd(34)} median ${median(times).toFixed(0).padStart(6)} ms   ${ratio.toFixed(2).padStart(5)}×   runs: ${times.map((t) => t.toFixed(0)).join(', ')}`;
  });
}
