// One backend of a fleet: chapter 02's Greeter, unchanged, behind a wrapper
// that does what a fleet needs. It names itself in a response header so the
// client can see who answered, it can be told to misbehave (refuse its next
// calls, or answer slowly), and it logs every attempt it sees, with the
// grpc-previous-rpc-attempts header that a retrying client adds.
import { EventEmitter } from 'node:events';
import { Metadata, status, type Server, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';
import { staticGreeterHandlers } from '../02-unary-hello/static-greeter.ts';
import { RpcError } from '../shared/rpc-error.ts';
import { withWireChecks } from '../shared/wire-check.ts';

/** The response header in which a backend names itself. */
export const BACKEND_HEADER = 'backend';
/** Set by a retrying or hedging client on every attempt after the first. */
export const PREVIOUS_ATTEMPTS_HEADER = 'grpc-previous-rpc-attempts';

export interface Misbehaviour {
  /** Refuses this many of the calls it receives next (Infinity: all of them). */
  refuseNext?: number;
  /** The status of those refusals: UNAVAILABLE, as a server that is starting up or overloaded says. */
  refuseWith?: status;
  /** Waits this long before answering; a call cancelled meanwhile is dropped. */
  delayMs?: number;
}

export interface Attempt {
  backend: string;
  /** From grpc-previous-rpc-attempts: 0 for a first attempt. */
  previousAttempts: number;
  /** What became of it: a greeting, a status name, or CANCELLED by the client. */
  outcome: 'answered' | keyof typeof status;
}

export interface GreeterBackend {
  readonly name: string;
  /** Every attempt this backend has seen, in order. */
  readonly attempts: Attempt[];
  /** Emits 'received' as each attempt arrives and 'attempt' as it ends. */
  readonly events: EventEmitter<BackendEvents>;
  /** Changes how it behaves from the next call on; {} makes it well again. */
  misbehave(misbehaviour: Misbehaviour): void;
  addTo(server: Server): void;
}

type BackendEvents = { received: []; attempt: [Attempt] };

type GreeterHandler = (call: ServerUnaryCall<helloworld.HelloRequest, helloworld.HelloReply>, callback: sendUnaryData<helloworld.HelloReply>) => void;

export function greeterBackend(name: string, misbehaviour: Misbehaviour = {}): GreeterBackend {
  const attempts: Attempt[] = [];
  const events = new EventEmitter<BackendEvents>();
  let received = 0;
  let { refuseNext = 0, refuseWith = status.UNAVAILABLE, delayMs = 0 } = misbehaviour;

  const asFleetMember =
    (greet: GreeterHandler): GreeterHandler =>
    (call, callback) => {
      received++;
      events.emit('received');
      const previousAttempts = Number(call.metadata.get(PREVIOUS_ATTEMPTS_HEADER)[0] ?? 0);
      let ended = false;
      const end = (outcome: Attempt['outcome']) => {
        ended = true;
        const attempt = { backend: name, previousAttempts, outcome };
        attempts.push(attempt);
        events.emit('attempt', attempt);
      };
      if (refuseNext > 0) {
        refuseNext--;
        end(statusName(refuseWith));
        callback(new RpcError(refuseWith, `backend ${name} refused call ${received}`));
        return;
      }
      const answer = () =>
        greet(call, (error, reply) => {
          // The header goes out with the reply, never earlier: once response
          // headers are sent the call is committed, and a client can no longer
          // retry it or hedge it elsewhere.
          if (!error) call.sendMetadata(backendHeaders(name));
          end(error ? statusName(error.code ?? status.UNKNOWN) : 'answered');
          callback(error, reply);
        });
      if (delayMs === 0) return answer();
      const timer = setTimeout(answer, delayMs);
      // grpc-js also emits 'cancelled' when a finished call's stream closes,
      // so only a call that has not ended yet was really cancelled.
      call.on('cancelled', () => {
        if (ended) return;
        clearTimeout(timer);
        end('CANCELLED');
      });
    };

  return {
    name,
    attempts,
    events,
    misbehave(next) {
      ({ refuseNext = 0, refuseWith = status.UNAVAILABLE, delayMs = 0 } = next);
    },
    addTo(server) {
      const fleetMember: helloworld.UnimplementedGreeterService = {
        SayHello: asFleetMember(staticGreeterHandlers.SayHello),
        SayHelloAgain: asFleetMember(staticGreeterHandlers.SayHelloAgain),
      };
      server.addService(withWireChecks(helloworld.UnimplementedGreeterService.definition), fleetMember);
    },
  };
}

/** Resolves once `backend` has seen `count` attempts end in all; rejects after `timeoutMs`. */
export function untilAttempts(backend: GreeterBackend, count: number, timeoutMs = 2_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      backend.events.off('attempt', check);
      reject(new Error(`backend ${backend.name} saw ${backend.attempts.length} attempts in ${timeoutMs} ms, not ${count}`));
    }, timeoutMs);
    function check() {
      if (backend.attempts.length < count) return;
      clearTimeout(timer);
      backend.events.off('attempt', check);
      resolve();
    }
    backend.events.on('attempt', check);
    check();
  });
}

function backendHeaders(name: string): Metadata {
  const headers = new Metadata();
  headers.set(BACKEND_HEADER, name);
  return headers;
}

function statusName(code: status): keyof typeof status {
  return status[code] as keyof typeof status;
}
