// Handler adapters: write a handler as a plain (async) function from
// request to reply, and let the adapter speak grpc-js's callback protocol.
import type { handleClientStreamingCall, handleUnaryCall, ServerReadableStream, ServerUnaryCall } from '@grpc/grpc-js';
import { toServerError } from './rpc-error.ts';

/**
 * The methods of a generated service class (`helloworld.UnimplementedGreeterService`)
 * without its `[method: string]` index signature, which would accept any name.
 */
export type HandlerMap<Service> = {
  [Method in keyof Service as string extends Method ? never : number extends Method ? never : Method]: Service[Method];
};

/**
 * Some of a service's handlers, each name checked against the service: write
 * `{ ListFeatures: … } satisfies SomeHandlers<routeguide.UnimplementedRouteGuideService>`
 * and a misspelt method fails tsc. grpc-js answers the methods left out with
 * UNIMPLEMENTED. (A map of all the methods needs no helper: annotate it with the
 * service class itself, and a misspelt name leaves a method missing.)
 */
export type SomeHandlers<Service> = Partial<HandlerMap<Service>>;

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
