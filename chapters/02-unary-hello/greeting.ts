// What the Greeter says, shared by both server implementations so that they
// cannot drift apart. A request it cannot answer is refused with
// INVALID_ARGUMENT, never greeted with "Hello, ".
import { status } from '@grpc/grpc-js';
import { RpcError } from '../shared/rpc-error.ts';

export type GreetingKind = 'first' | 'again';

/** The Greeter's one rule, for every server that answers a HelloRequest (chapter 08's relay too). */
export function checkName(name: string): void {
  if (name === '') throw new RpcError(status.INVALID_ARGUMENT, 'name must not be empty');
}

export function greetingFor(name: string, kind: GreetingKind): string {
  checkName(name);
  return kind === 'first' ? `Hello, ${name}` : `Hello again, ${name}`;
}
