// Handler adapters: write a unary handler as a plain (async) function from
// request to reply, and let the adapter speak grpc-js's callback protocol.
import type { handleUnaryCall, ServerUnaryCall } from '@grpc/grpc-js';
import { toServerError } from './rpc-error.ts';

export function unaryHandler<Request, Reply>(
  answer: (request: Request, call: ServerUnaryCall<Request, Reply>) => Reply | Promise<Reply>,
): handleUnaryCall<Request, Reply> {
  return (call, callback) => {
    // Promise.resolve().then(...) turns a synchronous throw into a rejection too,
    // so no request can crash the process.
    Promise.resolve()
      .then(() => answer(call.request, call))
      .then(
        (reply) => callback(null, reply),
        (error: unknown) => callback(toServerError(error)),
      );
  };
}
