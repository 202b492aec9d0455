// A Greeter that takes `delayMs` to answer, to show a deadline at work. It is
// written against the raw grpc-js callback API so that the cancellation is in
// plain view: when the client's deadline passes, grpc-js emits 'cancelled' on
// the call and the handler stops its work instead of answering nobody.
import { EventEmitter } from 'node:events';
import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';
import { greetingFor, type GreetingKind } from './greeting.ts';

export interface SlowGreeter {
  handlers: helloworld.UnimplementedGreeterService;
  /** Emits 'cancelled' with the milliseconds the handler had been running. */
  events: EventEmitter<{ cancelled: [elapsedMs: number] }>;
}

export function slowGreeter(delayMs: number): SlowGreeter {
  const events = new EventEmitter<{ cancelled: [elapsedMs: number] }>();
  const answerLater =
    (kind: GreetingKind) =>
    (call: ServerUnaryCall<helloworld.HelloRequest, helloworld.HelloReply>, callback: sendUnaryData<helloworld.HelloReply>) => {
      const started = Date.now();
      const timer = setTimeout(() => {
        callback(null, new helloworld.HelloReply({ message: greetingFor(call.request.name, kind) }));
      }, delayMs);
      call.on('cancelled', () => {
        clearTimeout(timer);
        events.emit('cancelled', Date.now() - started);
      });
    };
  return { handlers: { SayHello: answerLater('first'), SayHelloAgain: answerLater('again') }, events };
}
