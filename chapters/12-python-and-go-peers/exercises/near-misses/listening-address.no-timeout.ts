// Near-miss for exercise 12-A: the reference solution, except that it waits for ever when the line never comes.
// The exercise's test must fail against it (the workbook checks that it does).
import type { Readable } from 'node:stream';

export function listeningAddress(output: Readable, timeoutMs: number): Promise<string> {
  // A string decoder keeps a character whose bytes straddle two chunks whole.
  output.setEncoding('utf8');
  let read = '';
  return new Promise((resolve, reject) => {
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      output.off('data', onData).off('end', onEnd);
      outcome();
    };
    const onData = (chunk: string) => {
      read += chunk;
      // \s after the address: until the blank arrives, the address may be cut short.
      const address = /listening on (\S+)\s/.exec(read)?.[1];
      if (address !== undefined) settle(() => resolve(address));
    };
    const onEnd = () => settle(() => reject(new Error(`the output ended without "listening on host:port":\n${read}`)));
    const timer = undefined;
    output.on('data', onData).on('end', onEnd);
  });
}
