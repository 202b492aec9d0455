// Client interceptors wrap every call a client makes, in the order given:
// the first one listed sees the outgoing call first and its status last.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { InterceptingCall, ListenerBuilder, RequesterBuilder, status, type Interceptor } from '@grpc/grpc-js';
import { METADATA_KEYS } from '../metadata/metadata-keys.ts';

const { requestId: REQUEST_ID_KEY } = METADATA_KEYS;

/**
 * Gives every call an x-request-id, unless the caller set one, so that client
 * and server logs about the same call can be matched up.
 */
export function requestIdInterceptor(newId: () => string = randomUUID): Interceptor {
  return (options, nextCall) =>
    new InterceptingCall(
      nextCall(options),
      new RequesterBuilder()
        .withStart((metadata, listener, next) => {
          if (metadata.get(REQUEST_ID_KEY).length > 0) return next(metadata, listener);
          // A copy: the caller may pass the same Metadata to many calls, and each call needs its own id.
          const withId = metadata.clone();
          withId.set(REQUEST_ID_KEY, newId());
          next(withId, listener);
        })
        .build(),
    );
}

/** Logs each call's method, final status, time taken and request id. */
export function timingInterceptor(log: (line: string) => void): Interceptor {
  return (options, nextCall) => {
    const method = options.method_definition.path;
    return new InterceptingCall(
      nextCall(options),
      new RequesterBuilder()
        .withStart((metadata, listener, next) => {
          const started = performance.now();
          // Set only if an interceptor before this one (or the caller) added it.
          const requestId = metadata.get(REQUEST_ID_KEY)[0] ?? 'none';
          const timed = new ListenerBuilder()
            .withOnReceiveStatus((received, nextStatus) => {
              const ms = (performance.now() - started).toFixed(1);
              log(`client ${method} → ${status[received.code]} in ${ms} ms (request id ${requestId})`);
              nextStatus(received);
            })
            .build();
          next(metadata, timed);
        })
        .build(),
    );
  };
}
