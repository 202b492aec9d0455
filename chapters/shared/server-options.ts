// The options every workbook server is created with, in one visible place:
// the limits that keep one client from taking the server's memory, and two
// interceptors, one that ends a stream on a malformed message and one that
// bounds every status message. Lesson 08 ("Bounded under abuse") says why
// each number, and measures it.
import { ResponderBuilder, ServerInterceptingCall, type ServerInterceptor, type ServerOptions } from '@grpc/grpc-js';
import { boundedDetails } from './rpc-error.ts';
import { endStreamsOnMalformedMessages } from './wire-check.ts';

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
  interceptors: [boundStatusDetails, endStreamsOnMalformedMessages],
};
