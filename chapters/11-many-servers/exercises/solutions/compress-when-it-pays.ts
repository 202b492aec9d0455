// Exercise 11-C, a solution: two channels, chosen by the size of the request.
import { GZIP_CHANNEL, PLAIN_CHANNEL } from '../../compression/compression.ts';
import { openFleetGreeter } from '../../fleet-client.ts';

export interface ThriftyGreeter {
  greet(name: string): Promise<string>;
  close(): void;
}

const WORTH_COMPRESSING = 1_024;

export function openThriftyGreeter(address: string): ThriftyGreeter {
  const plain = openFleetGreeter(address, PLAIN_CHANNEL);
  const gzip = openFleetGreeter(address, GZIP_CHANNEL);
  return {
    async greet(name) {
      const channel = Buffer.byteLength(name) >= WORTH_COMPRESSING ? gzip : plain;
      return (await channel.greet(name)).message;
    },
    close() {
      plain.close();
      gzip.close();
    },
  };
}
