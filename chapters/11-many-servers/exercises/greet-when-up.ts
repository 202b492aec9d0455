// Exercise 11-B: a client that can be started before its server.
//
// Implement greetWhenUp(address, name, timeoutMs): call SayHello on the
// Greeter at `address` and resolve with the greeting. If no server listens
// there yet, wait for one to start instead of failing with UNAVAILABLE, but
// never longer than `timeoutMs`: then reject with DEADLINE_EXCEEDED.
// Close the client before you return, whatever happened.
//
// Check your work: npm run exercises -- 11
import { openFleetGreeter } from '../fleet-client.ts';

export async function greetWhenUp(address: string, name: string, timeoutMs: number): Promise<string> {
  const client = openFleetGreeter(address);
  // TODO: give the call a deadline of timeoutMs and let it wait for the server
  // (greet's `metadata` option takes call options); close the client at the end.
  const answer = await client.greet(name);
  return `${answer.message} (TODO: ${timeoutMs} ms)`;
}
