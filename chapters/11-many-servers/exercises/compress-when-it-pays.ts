// Exercise 11-C: compress only when it pays.
//
// gzip shrinks a large, repetitive request several times over, but makes a
// tiny one bigger (its header and trailer alone are 18 bytes). Implement
// openThriftyGreeter(address): a client whose greet(name) sends a name of
// 1,024 bytes of UTF-8 or more compressed with gzip, and a shorter one
// uncompressed, and resolves with the greeting. grpc-js compresses per
// channel, not per call: see compression/compression.ts in this chapter.
// close() closes everything the greeter opened.
//
// Check your work: npm run exercises -- 11
import { PLAIN_CHANNEL } from '../compression/compression.ts';
import { openFleetGreeter } from '../fleet-client.ts';

export interface ThriftyGreeter {
  greet(name: string): Promise<string>;
  close(): void;
}

export function openThriftyGreeter(address: string): ThriftyGreeter {
  // TODO: large names should travel compressed.
  const plain = openFleetGreeter(address, PLAIN_CHANNEL);
  return {
    greet: async (name) => (await plain.greet(name)).message,
    close: () => plain.close(),
  };
}
