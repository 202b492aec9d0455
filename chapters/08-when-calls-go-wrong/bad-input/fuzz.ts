// The fuzz suite: every method of every chapter server, sent a fixed mix of
// hostile requests (and, on demand, seeded random mutations of a good one), in
// every call shape the method has. Unlike the matrix it expects no particular
// status: it asks that every call gets one within a bound, that the server
// never crashes, and that a good call after each method's batch is answered as
// before. It counts the statuses per method for the table lesson 08 quotes.
import { Metadata, status, type Client } from '@grpc/grpc-js';
import { PROTOS_RULES } from '../../shared/wire-check.ts';
import { WIRE } from '../../shared/wire-format.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { decodableRequests, lengthField, malformedRequests, tag, UNKNOWN_FIELD, type HostileRequest } from './hostile-bytes.ts';
import type { MatrixServer, Method } from './matrix.ts';
import { rawCall, rawClient } from './raw-calls.ts';

/** One method to fuzz: its shape, a good request, and whether a good call stays open (a subscription). */
export interface FuzzMethod {
  method: Method;
  valid: Buffer;
  /** For a method whose good answer is a stream that stays open: the deadline its calls get. */
  deadlineMs?: number;
}

export interface FuzzTarget {
  name: string;
  start: MatrixServer['start'];
  metadata?: () => Metadata;
  methods: FuzzMethod[];
  followUp: MatrixServer['followUp'];
}

export interface FuzzOptions {
  /** Seeded random mutations of the good request per method, on top of the fixed mix. */
  probes: number;
  seed: number;
  /** A call with no status after this long counts as a hang. */
  boundMs: number;
  /** Calls in flight at once. */
  concurrency: number;
}

/** The status counts of one method, and the calls that got no status within the bound. */
export interface MethodTally {
  server: string;
  path: string;
  counts: Map<string, number>;
  hangs: string[];
}

const BIG_LIMIT = 64 * 1024; // decodable requests that fill a receive limit would be slow: 64 KiB is hostile enough

/** The fixed mix: every kind of broken or odd request, for a message of type `typeName` (if protos/ has it). */
export function fixedMix(typeName: string | undefined, valid: Buffer): HostileRequest[] {
  const known = typeName ?? '.unknown.Message';
  return [
    ...malformedRequests(known, valid),
    { name: 'wire type 6, which does not exist', bytes: Buffer.from([0x0e]) },
    { name: 'a valid request, then a field whose length runs past the end', bytes: Buffer.concat([valid, lengthField(UNKNOWN_FIELD, Buffer.from('x'), 40)]) },
    { name: 'a valid request, then an unknown group nested 150 deep', bytes: Buffer.concat([valid, ...Array(150).fill(tag(UNKNOWN_FIELD, WIRE.startGroup)), ...Array(150).fill(tag(UNKNOWN_FIELD, WIRE.endGroup))]) },
    ...(typeName ? decodableRequests(typeName, BIG_LIMIT) : [{ name: 'an empty message', bytes: Buffer.alloc(0) }]),
  ];
}

/** `count` seeded mutations of `valid`: bytes flipped, cut, inserted, or random bytes outright. */
export function mutations(valid: Buffer, count: number, random: () => number): HostileRequest[] {
  const byte = () => Math.floor(random() * 256);
  const at = (length: number) => Math.floor(random() * (length + 1));
  return Array.from({ length: count }, (_, i) => {
    const bytes = Buffer.from(valid);
    const kind = Math.floor(random() * 4);
    if (kind === 0 && bytes.length > 0) bytes[at(bytes.length - 1)] = byte();
    if (kind === 1) return { name: `mutation ${i}: cut`, bytes: bytes.subarray(0, at(bytes.length)) };
    if (kind === 2) {
      const where = at(bytes.length);
      return { name: `mutation ${i}: inserted`, bytes: Buffer.concat([bytes.subarray(0, where), Buffer.from([byte(), byte()]), bytes.subarray(where)]) };
    }
    if (kind === 3) return { name: `mutation ${i}: random`, bytes: Buffer.from(Array.from({ length: 1 + Math.floor(random() * 24) }, byte)) };
    return { name: `mutation ${i}: flipped`, bytes };
  });
}

/** Each request in every call shape the method has: alone, and, if the client streams, after a good message. */
function callsFor(method: FuzzMethod, requests: HostileRequest[]): { name: string; messages: Buffer[] }[] {
  return requests.flatMap(({ name, bytes }) =>
    method.method.requestStream
      ? [
          { name, messages: [bytes] },
          { name: `a good message, then ${name}`, messages: [method.valid, bytes] },
        ]
      : [{ name, messages: [bytes] }],
  );
}

async function inBatches<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Thrown when a good call after a batch is not answered as before: the server stopped serving properly. */
export class FollowUpError extends Error {}

/** Fuzzes every method of `target`; throws FollowUpError if the server stops answering a good call. */
export async function fuzzTarget(target: FuzzTarget, options: FuzzOptions): Promise<MethodTally[]> {
  const running = await target.start();
  const client: Client = rawClient(running.address);
  const metadata = () => target.metadata?.() ?? new Metadata();
  const random = seededRandom(options.seed);
  try {
    const followUp = async (after: string) => {
      const answer = await rawCall(client, target.followUp.method, [target.followUp.request], { metadata: metadata(), giveUpAfterMs: options.boundMs });
      const same = target.followUp.reply === undefined || (answer.messages.length === 1 && answer.messages[0].equals(target.followUp.reply));
      if (answer.code !== status.OK || !same) throw new FollowUpError(`${target.name}, after ${after}: the good call got ${status[answer.code]} (${answer.details})`);
    };
    await followUp('nothing');
    const tallies: MethodTally[] = [];
    for (const method of target.methods) {
      const typeName = PROTOS_RULES.requestTypes[method.method.path];
      const requests = [...fixedMix(typeName, method.valid), ...mutations(method.valid, options.probes, random)];
      const tally: MethodTally = { server: target.name, path: method.method.path, counts: new Map(), hangs: [] };
      await inBatches(callsFor(method, requests), options.concurrency, async ({ name, messages }) => {
        const answer = await rawCall(client, method.method, messages, {
          metadata: metadata(),
          deadlineMs: method.deadlineMs ?? Infinity,
          giveUpAfterMs: options.boundMs,
        });
        const label = answer.answered ? status[answer.code] : 'no status';
        tally.counts.set(label, (tally.counts.get(label) ?? 0) + 1);
        if (!answer.answered) tally.hangs.push(name);
      });
      tallies.push(tally);
      await followUp(`the batch for ${method.method.path}`);
    }
    return tallies;
  } finally {
    client.close();
    await running.stop();
  }
}

/** The method × status table, one row per method, one column per status seen. */
export function formatTable(tallies: MethodTally[]): string {
  const columns = [...new Set(tallies.flatMap((tally) => [...tally.counts.keys()]))].sort();
  const header = ['server', 'method', 'calls', ...columns];
  const rows = tallies.map((tally) => {
    const total = [...tally.counts.values()].reduce((sum, count) => sum + count, 0);
    return [tally.server, tally.path, String(total), ...columns.map((column) => String(tally.counts.get(column) ?? ''))];
  });
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}
