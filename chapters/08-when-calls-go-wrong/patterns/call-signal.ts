// How a handler learns that its client gave up. grpc-js marks the server call
// `cancelled` and emits 'cancelled' on it when the client cancels, when the
// deadline passes (the client resets the stream, and the server's own timer,
// set from the grpc-timeout header, fires too), or when the connection drops.
// An AbortSignal turns that one event into something every await can obey.
import { setTimeout as sleep } from 'node:timers/promises';

/** The part of every grpc-js server call (unary or streaming) that knows about cancellation. */
export interface CancellableCall {
  readonly cancelled: boolean;
  once(event: 'cancelled', listener: () => void): unknown;
}

/** An AbortSignal that aborts when `call` is cancelled, for timers, fetches and loops to obey. */
export function signalOf(call: CancellableCall): AbortSignal {
  const controller = new AbortController();
  if (call.cancelled) controller.abort();
  else call.once('cancelled', () => controller.abort());
  return controller.signal;
}

/** Resolves true after `ms`, or false as soon as `signal` aborts: a step of work that stops when told. */
export function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return sleep(ms, undefined, { signal }).then(
    () => true,
    () => false,
  );
}
