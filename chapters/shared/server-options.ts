// The options every workbook server is created with, in one visible place:
// the limits that keep one client from taking the server's memory, and two
// interceptors, one that ends a stream on a malformed message and one that
// bounds every status message. Lesson 08 ("Bounded under abuse") says why
// each number, and measures it.
import { ResponderBuilder, ServerInterceptingCall, ServerListenerBuilder, status, type ServerInterceptor, type ServerOptions } from '@grpc/grpc-js';
import { boundedDetails } from './rpc-error.ts';
import { endStreamsOnUndecodableMessages } from './wire-check.ts';

/**
 * - 'grpc.max_concurrent_streams': how many calls one connection may have open
 *   at once (HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS). grpc-js sets none, so
 *   Node's default (2^32 - 1) applies: one client could hold any number of
 *   abandoned streams. A client over the cap waits for a slot.
 * - 'grpc.max_receive_message_length': 4 MiB, grpc-js's default, written out
 *   because it bounds decompressed messages too: grpc-js stops inflating a
 *   gzip message at this size and answers RESOURCE_EXHAUSTED.
 */
export const SERVER_LIMITS = {
  'grpc.max_concurrent_streams': 100,
  'grpc.max_receive_message_length': 4 * 1024 * 1024,
} as const satisfies ServerOptions;

/**
 * Cuts every status message to MAX_DETAILS_LENGTH (rpc-error.ts), whoever
 * wrote it: library services (grpc-health-check's "Health status unknown for
 * service <name>") quote what the client sent, however long.
 */
export const boundStatusDetails: ServerInterceptor = (_method, call) =>
  new ServerInterceptingCall(
    call,
    new ResponderBuilder().withSendStatus((status, next) => next({ ...status, details: status.details && boundedDetails(status.details) })).build(),
  );

/** SERVER_LIMITS and both interceptors: what a workbook server passes to new Server(). */
export const SERVER_OPTIONS: ServerOptions = {
  ...SERVER_LIMITS,
  interceptors: [boundStatusDetails, endStreamsOnUndecodableMessages],
};

/**
 * Refuses a call with RESOURCE_EXHAUSTED while `max` calls are already in
 * flight on this server, across all connections, before grpc-js reads (and
 * decompresses) its message: the call's HTTP/2 stream is only read once the
 * handler starts. For a server that accepts big messages (chapters 06 and
 * 07, 64 MiB), this bounds what they cost at once: a gzip request of 60 KB
 * can inflate to 64 MiB, and max_concurrent_streams alone bounds only one
 * connection. Refused calls may be retried; they are not queued.
 */
export function callsInFlightLimit(max: number): ServerInterceptor {
  let inFlight = 0;
  return (_method, call) => {
    let admitted = false;
    return new ServerInterceptingCall(
      call,
      new ResponderBuilder()
        .withStart((next) => {
          if (inFlight >= max) {
            call.sendStatus({ code: status.RESOURCE_EXHAUSTED, details: `the server is busy: ${max} calls in flight, the most it takes at once; try again` });
            return;
          }
          inFlight++;
          admitted = true;
          next(
            new ServerListenerBuilder()
              .withOnCancel(() => {
                // grpc-js calls onCancel once for every call that ends, however it ends.
                if (admitted) inFlight--;
                admitted = false;
              })
              .build(),
          );
        })
        .build(),
    );
  };
}

/** The most calls a server that takes 64 MiB messages (chapters 06, 07) runs at once: 4 × 64 MiB, before decoding. */
export const BIG_MESSAGE_CALLS_IN_FLIGHT = 4;

/**
 * SERVER_OPTIONS for a server that raises the receive limit to `maxMessageBytes`:
 * fewer streams per connection, and callsInFlightLimit across connections,
 * so that many big (or small but compressed) requests cannot arrive at once.
 */
export function bigMessageServerOptions(maxMessageBytes: number): ServerOptions {
  return {
    ...SERVER_OPTIONS,
    'grpc.max_receive_message_length': maxMessageBytes,
    'grpc.max_concurrent_streams': BIG_MESSAGE_CALLS_IN_FLIGHT,
    interceptors: [...(SERVER_OPTIONS.interceptors ?? []), callsInFlightLimit(BIG_MESSAGE_CALLS_IN_FLIGHT)],
  };
}
