// Handler adapters: write a handler as a plain (async) function from
// request to reply, and let the adapter speak grpc-js's callback protocol.
import type { handleClientStreamingCall, handleUnaryCall, ServerReadableStream, ServerUnaryCall } from '@grpc/grpc-js';
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

/**
 * The same for a client-streaming method: `answer` reads the requests (a
 * ServerReadableStream is async-iterable, so `for await` works) and returns
 * the one reply. A rejection becomes the call's status, as above.
 */
export function clientStreamingHandler<Request, Reply>(
  answer: (call: ServerReadableStream<Request, Reply>) => Promise<Reply>,
): handleClientStreamingCall<Request, Reply> {
  return async (call, callback) => {
    let reply: Reply;
    try {
      reply = await answer(call);
    } catch (error) {
      // A cancelled call ends the loop with an error too; nobody is left to tell.
      if (!call.cancelled) callback(toServerError(error));
      return;
    }
    callback(null, reply);
  };
}
