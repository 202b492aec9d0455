// What the Greeter says, shared by both server implementations so that they
// cannot drift apart. A request it cannot answer is refused with
// INVALID_ARGUMENT, never greeted with "Hello, ".
import { status } from '@grpc/grpc-js';
import { RpcError } from '../shared/rpc-error.ts';

export type GreetingKind = 'first' | 'again';

export function greetingFor(name: string, kind: GreetingKind): string {
  if (name === '') throw new RpcError(status.INVALID_ARGUMENT, 'name must not be empty');
  return kind === 'first' ? `Hello, ${name}` : `Hello again, ${name}`;
}
