// Exercise 08-A: a guestbook that a client may safely call again.
//
// guestbook.ts signs on every call, so a client whose deadline passed, and
// which calls again, signs twice. Make the guestbook idempotent with a key the
// client chooses once per signature and sends with every attempt, in the
// `idempotency-key` request header:
//   - the first call with a key signs (adds the name to `signatures`) and, after
//     replyDelayMs, answers "Thank you for signing, <name>";
//   - every later call with the same key and name signs nothing and answers the
//     same, even one that arrives while the first is still waiting to answer;
//   - a call without the header: INVALID_ARGUMENT with the message
//       idempotency-key metadata is required, so that a retry can be recognized
//   - a key used again for another name: INVALID_ARGUMENT with the message
//       idempotency-key k1 was first used for "Ada", not "Bob"
// A call cancelled while it waits to answer keeps its signature: the work is
// done; only the reply is lost.
//
// Check your work: npm run exercises -- 08
import type { handleUnaryCall } from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { guestbook, type Guestbook } from '../guestbook.ts';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

export function idempotentGuestbook(replyDelayMs: number): Guestbook {
  // TODO: keep, for each key, the name and the reply it gets, and sign only
  // for a key seen for the first time. call.metadata.get(IDEMPOTENCY_KEY_HEADER)
  // returns the header's values; signalOf and pause in ../patterns/call-signal.ts wait
  // for the reply time, or stop early when the client gives up.
  const signEveryTime = guestbook(replyDelayMs);
  const sign: handleUnaryCall<helloworld.HelloRequest, helloworld.HelloReply> = signEveryTime.handlers.SayHello;
  return { handlers: { SayHello: sign, SayHelloAgain: sign }, signatures: signEveryTime.signatures };
}
