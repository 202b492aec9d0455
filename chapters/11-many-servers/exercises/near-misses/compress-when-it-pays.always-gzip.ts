// Near-miss for exercise 11-C: the reference solution, except that it compresses every name, small ones too.
// The exercise's test must fail against it (the workbook checks that it does).
import { GZIP_CHANNEL, PLAIN_CHANNEL } from '../../compression.ts';
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
      const channel = Buffer.byteLength(name) >= 0 ? gzip : plain;
      return (await channel.greet(name)).message;
    },
    close() {
      plain.close();
      gzip.close();
    },
  };
}
