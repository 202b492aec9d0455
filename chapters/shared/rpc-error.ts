// How a handler says "no": throw an RpcError with the status code that fits
// and a message that names the offending value. grpc-js accepts it as is,
// because a ServerErrorResponse is just an Error with a code and details.
import { status, type Metadata, type ServerErrorResponse } from '@grpc/grpc-js';

/**
 * The longest status message an RpcError sends. The message travels in an
 * HTTP/2 trailer (grpc-message), and a trailer too big for the connection is
 * lost: the client hears nothing and waits out its deadline (chapter 08). A
 * message that quotes what the client sent is cut to this length.
 */
export const MAX_DETAILS_LENGTH = 1_024;

export class RpcError extends Error implements ServerErrorResponse {
  readonly code: status;
  readonly details: string;
  /** Trailers sent with the status, such as rich error details (rich-error.ts). */
  readonly metadata?: Metadata;

  constructor(code: status, details: string, metadata?: Metadata) {
    const bounded = boundedDetails(details);
    super(bounded);
    this.name = `RpcError[${status[code]}]`;
    this.code = code;
    this.details = bounded;
    this.metadata = metadata;
  }
}

/** `details` cut to MAX_DETAILS_LENGTH characters, saying how many were left out. */
export function boundedDetails(details: string): string {
  if (details.length <= MAX_DETAILS_LENGTH) return details;
  // Never cut a surrogate pair in two: half of one cannot be encoded.
  const end = /[\uD800-\uDBFF]/.test(details[MAX_DETAILS_LENGTH - 1]) ? MAX_DETAILS_LENGTH - 1 : MAX_DETAILS_LENGTH;
  return `${details.slice(0, end)}… (${details.length - end} more characters)`;
}

/**
 * The status a client receives for `error`. Anything that is not an RpcError
 * is a bug on our side: the client gets INTERNAL without our internals, and
 * the details go to the server's log.
 */
export function toServerError(error: unknown): ServerErrorResponse {
  if (error instanceof RpcError) return error;
  console.error('handler failed unexpectedly:', error);
  return new RpcError(status.INTERNAL, 'internal error');
}
