// How a handler says "no": throw an RpcError with the status code that fits
// and a message that names the offending value. grpc-js accepts it as is,
// because a ServerErrorResponse is just an Error with a code and details.
import { status, type Metadata, type ServerErrorResponse } from '@grpc/grpc-js';

export class RpcError extends Error implements ServerErrorResponse {
  readonly code: status;
  readonly details: string;
  /** Trailers sent with the status, such as rich error details (rich-error.ts). */
  readonly metadata?: Metadata;

  constructor(code: status, details: string, metadata?: Metadata) {
    super(details);
    this.name = `RpcError[${status[code]}]`;
    this.code = code;
    this.details = details;
    this.metadata = metadata;
  }
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
