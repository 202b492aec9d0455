// Deadline propagation. The front server answers SayHello by asking a back
// end, and passes its own call as the `parent` of the back-end call. grpc-js
// then gives the back-end call the parent's deadline (propagate.DEADLINE) and
// cancels it when the parent is cancelled (propagate.CANCELLATION), so the
// back end stops the moment the client gives up. SayHelloAgain makes the same
// back-end call without a parent, as code that forgets does: the back end
// goes on working for a client that is long gone.
import * as grpc from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';
import { checkName } from '../02-unary-hello/greeting.ts';
import { callUnary, DEFAULT_DEADLINE_MS, deadlineIn, isServiceError } from '../shared/client.ts';
import { unaryHandler } from '../shared/handlers.ts';
import { RpcError } from '../shared/rpc-error.ts';

/** `ownDeadlineMs`: the back-end call's own deadline, the workbook's usual 2 s unless the server is told otherwise. */
export function relayHandlers(backend: helloworld.GreeterClient, ownDeadlineMs = DEFAULT_DEADLINE_MS): helloworld.UnimplementedGreeterService {
  const relay = (propagate: boolean) =>
    unaryHandler<helloworld.HelloRequest, helloworld.HelloReply>(async (request, call) => {
      checkName(request.name); // refused here, as chapter 02 refuses it, not relayed
      // The back-end call's deadline is the earlier of its own and its parent's.
      const options: grpc.CallOptions = propagate
        ? { deadline: deadlineIn(ownDeadlineMs), parent: call, propagate_flags: grpc.propagate.DEFAULTS }
        : { deadline: deadlineIn(ownDeadlineMs) };
      try {
        const reply = await callUnary(backend.SayHello, request, options);
        return new helloworld.HelloReply({ message: `${reply.message}, by way of the front` });
      } catch (error) {
        // The back end's status becomes ours, saying where it came from.
        if (isServiceError(error)) throw new RpcError(error.code, `back end: ${error.details}`);
        throw error;
      }
    });
  return { SayHello: relay(true), SayHelloAgain: relay(false) };
}
