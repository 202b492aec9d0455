// Tour, part 4: what gzip does to the bytes on the wire.
import { startServer } from '../../shared/server.ts';
import type { Transcript } from '../../shared/transcript.ts';
import { greeterBackend } from '../backend.ts';
import { bytesForOneCall, GZIP_CHANNEL, PAYLOADS, PLAIN_CHANNEL } from '../compression/compression.ts';

const count = (bytes: number) => bytes.toLocaleString('en-US');

export async function showCompression(t: Transcript): Promise<string> {
  const server = await startServer(greeterBackend('echo').addTo);
  try {
    t.step('Compression: one SayHello per row, through a byte-counting TCP proxy');
    t.note(`${'request name'.padEnd(30)}${'plain channel ↑ / ↓'.padStart(22)}${'gzip channel ↑ / ↓'.padStart(22)}   ↑ gzip/plain`);
    const ratios: Record<string, number> = {};
    for (const { label, name } of PAYLOADS) {
      const payload = name();
      const plain = await bytesForOneCall(server.port, PLAIN_CHANNEL, payload);
      const gzip = await bytesForOneCall(server.port, GZIP_CHANNEL, payload);
      ratios[label] = plain.up / gzip.up;
      const both = (bytes: { up: number; down: number }) => `${count(bytes.up)} / ${count(bytes.down)}`;
      t.note(`${label.padEnd(30)}${both(plain).padStart(22)}${both(gzip).padStart(22)}   ${(gzip.up / plain.up).toFixed(2).padStart(12)}`);
    }
    t.note('↑ client to server, ↓ server to client, in bytes, HTTP/2 headers and framing included.');
    t.note('Replies (↓) are never compressed: a grpc-js server always answers uncompressed.');
    return `gzip ${ratios['64 KiB of words'].toFixed(1)}× smaller on 64 KiB of words`;
  } finally {
    await server.stop();
  }
}
