// Retries in the tour: what a retry policy retries, and what a retry costs
// when the method is not idempotent.
import { credentials } from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { callUnary, deadlineIn, isServiceError } from '../../shared/client.ts';
import { startServer } from '../../shared/server.ts';
import type { Transcript } from '../../shared/transcript.ts';
import { guestbook } from '../guestbook.ts';
import { flakyGreeter, retryingChannel, RETRY_POLICY } from '../patterns/retries.ts';
import { withWireChecks } from '../../shared/wire-check.ts';

const SAY_HELLO = helloworld.UnimplementedGreeterService.definition.SayHello.path;
const GUESTBOOK_REPLY_MS = 80;
const GUESTBOOK_DEADLINE_MS = 40;

/** The call's status name, narrated: "OK" for a reply. */
async function outcome(t: Transcript, send: () => Promise<helloworld.HelloReply>): Promise<string> {
  try {
    t.received((await send()).toObject());
    return 'OK';
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return t.failed(error);
  }
}

export interface RetryStory {
  /** "busy", "" and "greedy": the status each ended with, and the attempts the server saw. */
  calls: { name: string; status: string; attempts: number }[];
  /** The guestbook after one call that timed out and one retry. */
  signatures: string[];
}

export async function showRetries(t: Transcript): Promise<RetryStory> {
  const flaky = flakyGreeter();
  const book = guestbook(GUESTBOOK_REPLY_MS);
  const [flakyServer, bookServer] = await Promise.all([
    startServer((server) => server.addService(withWireChecks(helloworld.UnimplementedGreeterService.definition), flaky.handlers)),
    startServer((server) => server.addService(withWireChecks(helloworld.UnimplementedGreeterService.definition), book.handlers)),
  ]);
  const retrying = new helloworld.GreeterClient(flakyServer.address, credentials.createInsecure(), retryingChannel('helloworld.Greeter'));
  const plain = new helloworld.GreeterClient(bookServer.address, credentials.createInsecure());
  try {
    t.step(`A retry policy: up to ${RETRY_POLICY.maxAttempts} attempts, backoff from ${RETRY_POLICY.initialBackoff}, for ${RETRY_POLICY.retryableStatusCodes.join(', ')} only`);
    const calls: RetryStory['calls'] = [];
    for (const name of ['busy', '', 'greedy']) {
      t.sent(SAY_HELLO, { name });
      const status = await outcome(t, () => callUnary(retrying.SayHello, new helloworld.HelloRequest({ name })));
      const attempts = flaky.attempts.get(name) ?? 0;
      t.note(`the server saw ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}`);
      calls.push({ name, status, attempts });
    }

    t.step(`A guestbook: SayHello signs it, then answers after ${GUESTBOOK_REPLY_MS} ms. The client allows ${GUESTBOOK_DEADLINE_MS} ms, then tries again`);
    t.sent(SAY_HELLO, { name: 'Ada' });
    await outcome(t, () => callUnary(plain.SayHello, new helloworld.HelloRequest({ name: 'Ada' }), { deadline: deadlineIn(GUESTBOOK_DEADLINE_MS) }));
    t.sent(SAY_HELLO, { name: 'Ada' });
    await outcome(t, () => callUnary(plain.SayHello, new helloworld.HelloRequest({ name: 'Ada' }), { deadline: deadlineIn(1_000) }));
    t.note(`the guestbook now reads ${JSON.stringify(book.signatures)}: the call that "failed" had signed it`);
    return { calls, signatures: [...book.signatures] };
  } finally {
    retrying.close();
    plain.close();
    await Promise.all([flakyServer.stop(), bookServer.stop()]);
  }
}
