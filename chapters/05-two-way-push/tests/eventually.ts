// Waiting for something that happens on its own time (a stream to open, a
// task to arrive) without sleeping a fixed amount: check often, give up
// after a bound, and say what was being waited for.
import { setTimeout as sleep } from 'node:timers/promises';

export async function eventually(what: string, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`gave up after ${timeoutMs} ms waiting until ${what}`);
    await sleep(5);
  }
}
