// Exercise 09-A: a server interceptor that refuses calls without a sensible deadline.
//
// Chapter 02 made every client call carry a deadline. A server cannot make its
// clients behave, but it can refuse the ones that don't. Implement
// deadlineGuard(limitMs), a ServerInterceptor that answers, before the handler runs:
//   - a call with no deadline: INVALID_ARGUMENT
//       calls to /helloworld.Greeter/SayHello must carry a deadline
//   - a call whose deadline is more than limitMs away: INVALID_ARGUMENT, with
//     both times in whole seconds (Math.round):
//       the deadline of /helloworld.Greeter/SayHello is 60 s away; the limit is 5 s
// and lets every other call through to the handler untouched.
// call.getDeadline() is the call's deadline: a Date or a number of milliseconds
// since the epoch, or Infinity when the client set none.
//
// Check your work: npm run exercises -- 09
import { ServerInterceptingCall, type ServerInterceptor } from '@grpc/grpc-js';

export function deadlineGuard(limitMs: number): ServerInterceptor {
  // TODO: refuse as described above (interceptors/auth-interceptor.ts shows how to answer
  // from onReceiveMetadata without calling next()).
  return (_method, call) => new ServerInterceptingCall(call);
}
