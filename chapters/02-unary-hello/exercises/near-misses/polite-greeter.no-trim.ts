// Near-miss for exercise 02-A: the reference solution, except that it does not trim the name.
// The exercise's test must fail against it (the workbook checks that it does).
import { status } from '@grpc/grpc-js';
import type { GreeterHandlers } from '../../../../generated/proto-loader/helloworld/Greeter.ts';
import { unaryHandler } from '../../../shared/handlers.ts';
import { RpcError } from '../../../shared/rpc-error.ts';

export const MAX_NAME_CHARACTERS = 50;

function tidyName(sent: string): string {
  const name = sent;
  if (name === '') throw new RpcError(status.INVALID_ARGUMENT, `name must not be blank, got ${JSON.stringify(sent)}`);
  const characters = [...name].length; // code points, not UTF-16 units
  if (characters > MAX_NAME_CHARACTERS) {
    throw new RpcError(status.INVALID_ARGUMENT, `name must be at most ${MAX_NAME_CHARACTERS} characters, got ${characters}`);
  }
  return name
    .split(/\s+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

export const politeGreeterHandlers: GreeterHandlers = {
  SayHello: unaryHandler((request) => ({ message: `Hello, ${tidyName(request.name)}` })),
  SayHelloAgain: unaryHandler((request) => ({ message: `Welcome back, ${tidyName(request.name)}` })),
};
