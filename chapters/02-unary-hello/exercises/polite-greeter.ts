// Exercise 02-A: a Greeter that tidies names and refuses bad ones.
//
// Implement both methods of the proto-loader handlers below:
//   - Trim spaces from both ends of the name, then capitalize the first letter
//     of each word: "  ada lovelace " is greeted as "Ada Lovelace".
//   - SayHello answers "Hello, Ada Lovelace"; SayHelloAgain answers
//     "Welcome back, Ada Lovelace".
//   - A name that is empty or only spaces is refused with INVALID_ARGUMENT and
//     the message: name must not be blank, got "   "  (the name as sent, in quotes).
//   - A name longer than 50 characters after trimming (count characters as
//     code points: "👋" is one) is refused with INVALID_ARGUMENT and the message:
//     name must be at most 50 characters, got 51
//
// Check your work: npm run exercises -- 02
import { status } from '@grpc/grpc-js';
import type { GreeterHandlers } from '../../../generated/proto-loader/helloworld/Greeter.ts';
import { unaryHandler } from '../../shared/handlers.ts';
import { RpcError } from '../../shared/rpc-error.ts';

export const MAX_NAME_CHARACTERS = 50;

export const politeGreeterHandlers: GreeterHandlers = {
  // TODO: replace both handlers. Throwing an RpcError sends its status to the client.
  SayHello: unaryHandler((request) => {
    throw new RpcError(status.UNIMPLEMENTED, `TODO: greet ${JSON.stringify(request.name)}`);
  }),
  SayHelloAgain: unaryHandler((request) => {
    throw new RpcError(status.UNIMPLEMENTED, `TODO: greet ${JSON.stringify(request.name)} again`);
  }),
};
