// Exercise 02-B: a client that always comes back, with a reply or a reason.
//
// Implement greetOrExplain(address, name, timeoutMs): call SayHello on the
// Greeter at `address` with a deadline of `timeoutMs`, and resolve (never
// reject) with one of:
//   { ok: true,  message: "Hello, World" }
//   { ok: false, status: "DEADLINE_EXCEEDED", explanation: "no answer within 100 ms" }
//   { ok: false, status: "UNAVAILABLE",       explanation: "no server at 127.0.0.1:9" }
//   { ok: false, status: "INVALID_ARGUMENT",  explanation: "refused: name must not be empty" }
// and, for any other status, explanation = the status details as received.
// `status` is the name of the gRPC status code (grpc.status[code]).
// Close the client before you return, whatever happened.
//
// Check your work: npm run exercises -- 02
import { staticGreeterCalls, type GreeterCalls } from '../greeter-clients.ts';

export type GreetOutcome = { ok: true; message: string } | { ok: false; status: string; explanation: string };

export async function greetOrExplain(address: string, name: string, timeoutMs: number): Promise<GreetOutcome> {
  const client: GreeterCalls = staticGreeterCalls(address);
  // TODO: pass a deadline, catch the ServiceError, and explain it (isServiceError
  // and describeError in chapters/shared/client.ts show how to read one).
  const message = await client.sayHello(name);
  return { ok: true, message: `${message} (TODO: timeout ${timeoutMs} ms, close the client)` };
}
