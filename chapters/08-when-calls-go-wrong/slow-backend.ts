// The back end behind the relay: a Greeter that needs `workMs` to answer, and
// that logs, for every call, how much time its deadline left it on arrival
// and how the call ended.
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { handleUnaryCall } from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';
import { pause, signalOf } from './patterns/call-signal.ts';

export interface BackendLog {
  /** Milliseconds between the call's arrival and its deadline; Infinity when it had none. */
  deadlineMs: number;
  ending: 'finished' | 'cancelled';
  elapsedMs: number;
}

export interface SlowBackend {
  handlers: helloworld.UnimplementedGreeterService;
  events: EventEmitter<{ stopped: [log: BackendLog] }>;
}

export function slowBackend(workMs: number): SlowBackend {
  const events = new EventEmitter<{ stopped: [log: BackendLog] }>();
  const greet: handleUnaryCall<helloworld.HelloRequest, helloworld.HelloReply> = (call, callback) => {
    const started = performance.now();
    // getDeadline() is what the grpc-timeout header said, as a Date, or Infinity.
    const deadlineMs = Math.round(Number(call.getDeadline()) - Date.now());
    void pause(workMs, signalOf(call)).then((worked) => {
      if (worked) callback(null, new helloworld.HelloReply({ message: `Hello, ${call.request.name}` }));
      events.emit('stopped', { deadlineMs, ending: worked ? 'finished' : 'cancelled', elapsedMs: Math.round(performance.now() - started) });
    });
  };
  return { handlers: { SayHello: greet, SayHelloAgain: greet }, events };
}
