// Compression, measured: the same request sent on a channel that compresses
// with gzip and on one that does not, through a byte-counting proxy.
import { compressionAlgorithms, type ChannelOptions } from '@grpc/grpc-js';
import { seededRandom } from '../../shared/seeded-random.ts';
import { openFleetGreeter, type GreetOptions } from '../fleet-client.ts';
import { startWireCounter, type ByteCounts } from './wire-counter.ts';

/** Every request on this channel is compressed with gzip. grpc-js has no switch for one call. */
export const GZIP_CHANNEL: ChannelOptions = { 'grpc.default_compression_algorithm': compressionAlgorithms.gzip };
export const PLAIN_CHANNEL: ChannelOptions = {};

const KIB_64 = 64 * 1024;
const WORDS = ['gRPC', 'channel', 'server', 'client', 'deadline', 'status', 'metadata', 'stream', 'backend', 'retry', 'the', 'a', 'of', 'to', 'and', 'is'];

/** 64 KiB of words from a small vocabulary: repetitive, like logs, JSON or prose. */
export function wordsPayload(): string {
  const random = seededRandom(11);
  let text = '';
  while (text.length < KIB_64) text += `${WORDS[Math.floor(random() * WORDS.length)]} `;
  return text.slice(0, KIB_64);
}

/** 64 KiB of random printable characters: dense, like ids, hashes or data that is compressed already. */
export function randomPayload(): string {
  const random = seededRandom(12);
  return Array.from({ length: KIB_64 }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('');
}

export const PAYLOADS: { label: string; name: () => string }[] = [
  { label: '"World"', name: () => 'World' },
  { label: '64 KiB of words', name: wordsPayload },
  { label: '64 KiB of random characters', name: randomPayload },
];

/**
 * The bytes one SayHello call puts on the wire, each way, on a channel with
 * `channelOptions`. A first call opens the connection and is not counted: the
 * HTTP/2 preface and settings are paid once per connection, not per call.
 */
export async function bytesForOneCall(serverPort: number, channelOptions: ChannelOptions, name: string, options?: GreetOptions): Promise<ByteCounts> {
  const counter = await startWireCounter(serverPort);
  const fleet = openFleetGreeter(counter.address, channelOptions);
  try {
    await fleet.greet('warm-up');
    const before = counter.counts();
    await fleet.greet(name, options);
    const after = counter.counts();
    return { up: after.up - before.up, down: after.down - before.down, connections: after.connections };
  } finally {
    fleet.close();
    await counter.close();
  }
}
