// Two ways to call the Greeter, behind one small interface so the tour can
// pair either client with either server.
import { credentials, type CallOptions } from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';
import { callUnary, deadlineIn } from '../shared/client.ts';
import { DynamicGreeterClient } from './dynamic-greeter.ts';

export interface GreeterCalls {
  readonly kind: 'static' | 'dynamic';
  sayHello(name: string, options?: CallOptions): Promise<string>;
  sayHelloAgain(name: string, options?: CallOptions): Promise<string>;
  close(): void;
}

/** Every call carries a deadline; these calls default to two seconds. */
const withDeadline = (options?: CallOptions): CallOptions => ({ deadline: deadlineIn(), ...options });

export function staticGreeterCalls(address: string): GreeterCalls {
  // Plaintext is fine on loopback; chapter 09 adds TLS.
  const client = new helloworld.GreeterClient(address, credentials.createInsecure());
  return {
    kind: 'static',
    sayHello: async (name, options) =>
      (await callUnary(client.SayHello, new helloworld.HelloRequest({ name }), withDeadline(options))).message,
    sayHelloAgain: async (name, options) =>
      (await callUnary(client.SayHelloAgain, new helloworld.HelloRequest({ name }), withDeadline(options))).message,
    close: () => client.close(),
  };
}

export function dynamicGreeterCalls(address: string): GreeterCalls {
  const client = new DynamicGreeterClient(address, credentials.createInsecure());
  return {
    kind: 'dynamic',
    // proto-loader clients keep their methods on the prototype, so bind them.
    sayHello: async (name, options) =>
      (await callUnary(client.SayHello.bind(client), { name }, withDeadline(options))).message,
    sayHelloAgain: async (name, options) =>
      (await callUnary(client.SayHelloAgain.bind(client), { name }, withDeadline(options))).message,
    close: () => client.close(),
  };
}
