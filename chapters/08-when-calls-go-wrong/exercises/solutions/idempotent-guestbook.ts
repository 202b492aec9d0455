// Reference solution for exercise 08-A.
import { status, type handleUnaryCall } from '@grpc/grpc-js';
import { helloworld } from '../../../../generated/static/hello.ts';
import { RpcError } from '../../../shared/rpc-error.ts';
import { pause, signalOf } from '../../patterns/call-signal.ts';
import type { Guestbook } from '../../guestbook.ts';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

export function idempotentGuestbook(replyDelayMs: number): Guestbook {
  const signatures: string[] = [];
  // The first call with a key decides the name and the reply; later ones share it.
  const byKey = new Map<string, { name: string; reply: helloworld.HelloReply }>();
  const sign: handleUnaryCall<helloworld.HelloRequest, helloworld.HelloReply> = (call, callback) => {
    const [key] = call.metadata.get(IDEMPOTENCY_KEY_HEADER);
    if (typeof key !== 'string') {
      callback(new RpcError(status.INVALID_ARGUMENT, `${IDEMPOTENCY_KEY_HEADER} metadata is required, so that a retry can be recognized`));
      return;
    }
    const { name } = call.request;
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry = { name, reply: new helloworld.HelloReply({ message: `Thank you for signing, ${name}` }) };
      byKey.set(key, entry);
      signatures.push(name);
    } else if (entry.name !== name) {
      callback(new RpcError(status.INVALID_ARGUMENT, `${IDEMPOTENCY_KEY_HEADER} ${key} was first used for ${JSON.stringify(entry.name)}, not ${JSON.stringify(name)}`));
      return;
    }
    const { reply } = entry;
    void pause(replyDelayMs, signalOf(call)).then((inTime) => {
      if (inTime) callback(null, reply);
    });
  };
  return { handlers: { SayHello: sign, SayHelloAgain: sign }, signatures };
}
