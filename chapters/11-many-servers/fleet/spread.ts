// Who answered: the measurements behind "round_robin spreads the calls".
import type { FleetGreeter } from '../fleet-client.ts';

/** Greets `calls` times, one call after another; returns who answered each. */
export async function whoAnswers(fleet: FleetGreeter, calls: number): Promise<string[]> {
  const backends: string[] = [];
  for (let i = 0; i < calls; i++) backends.push((await fleet.greet('World')).backend);
  return backends;
}

/**
 * round_robin connects to every address at once, but the first calls go to
 * whichever backends are ready first. Greets until each of `expected` has
 * answered (at most `maxCalls` times) and returns who answered, in order.
 */
export async function greetUntilEachAnswers(fleet: FleetGreeter, expected: string[], maxCalls = 50): Promise<string[]> {
  const seen: string[] = [];
  while (!expected.every((name) => seen.includes(name))) {
    if (seen.length === maxCalls) throw new Error(`after ${maxCalls} calls only ${[...new Set(seen)].join(', ')} had answered`);
    seen.push((await fleet.greet('World')).backend);
  }
  return seen;
}

/** How many calls each backend answered, in the order of `backends`: "a 3, b 3, c 3". */
export function tally(answeredBy: string[], backends: string[]): string {
  return backends.map((name) => `${name} ${answeredBy.filter((backend) => backend === name).length}`).join(', ');
}
