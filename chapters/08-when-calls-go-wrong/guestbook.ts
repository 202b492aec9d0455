// A method that is not idempotent: SayHello signs a guestbook, then answers.
// The answer takes a while to come back, so a client's deadline can pass
// after the signature is written. DEADLINE_EXCEEDED does not mean "nothing
// happened": it means the client does not know. Calling again signs again.
import type { handleUnaryCall } from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';
import { pause, signalOf } from './patterns/call-signal.ts';

export interface Guestbook {
  handlers: helloworld.UnimplementedGreeterService;
  signatures: string[];
}

export function guestbook(replyDelayMs: number): Guestbook {
  const signatures: string[] = [];
  const sign: handleUnaryCall<helloworld.HelloRequest, helloworld.HelloReply> = (call, callback) => {
    signatures.push(call.request.name); // done, whatever happens to the reply
    void pause(replyDelayMs, signalOf(call)).then((inTime) => {
      if (inTime) callback(null, new helloworld.HelloReply({ message: `Thank you for signing, ${call.request.name}` }));
    });
  };
  return { handlers: { SayHello: sign, SayHelloAgain: sign }, signatures };
}
