// Retries, the way gRPC means them to be configured: a retry policy in the
// channel's service config. grpc-js then retries failed attempts by itself,
// with exponential backoff, within the call's one deadline, but only for the
// status codes listed. UNAVAILABLE is the one to list: "this server cannot
// take the call now". It is not a promise that the request never arrived (a
// connection that breaks mid-call is UNAVAILABLE too, see gRPC's
// doc/statuscodes.md), so list it only for calls that are safe to repeat, as
// SayHello is.
// INVALID_ARGUMENT and RESOURCE_EXHAUSTED are not: the same request is refused
// again, and every retry adds load to a server that is already refusing.
import { status, type ChannelOptions } from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { unaryHandler } from '../../shared/handlers.ts';
import { RpcError } from '../../shared/rpc-error.ts';

export const RETRY_POLICY = {
  maxAttempts: 4,
  initialBackoff: '0.01s',
  maxBackoff: '0.1s',
  backoffMultiplier: 2,
  retryableStatusCodes: ['UNAVAILABLE'],
};

/** Channel options that retry every method of `service` ("helloworld.Greeter") under RETRY_POLICY. */
export function retryingChannel(service: string): ChannelOptions {
  const serviceConfig = { methodConfig: [{ name: [{ service }], retryPolicy: RETRY_POLICY }] };
  return { 'grpc.service_config': JSON.stringify(serviceConfig) };
}

export interface FlakyGreeter {
  handlers: helloworld.UnimplementedGreeterService;
  /** How many attempts reached the server, by name. */
  attempts: Map<string, number>;
}

/**
 * A Greeter that fails on purpose, as the name asks: "busy" is UNAVAILABLE for
 * the first two attempts and then answered; "" is INVALID_ARGUMENT and
 * "greedy" RESOURCE_EXHAUSTED, every time.
 */
export function flakyGreeter(): FlakyGreeter {
  const attempts = new Map<string, number>();
  const greet = unaryHandler((request: helloworld.HelloRequest) => {
    const attempt = (attempts.get(request.name) ?? 0) + 1;
    attempts.set(request.name, attempt);
    if (request.name === '') throw new RpcError(status.INVALID_ARGUMENT, 'name must not be empty');
    if (request.name === 'greedy') throw new RpcError(status.RESOURCE_EXHAUSTED, 'quota of 0 greetings per minute used up');
    if (request.name === 'busy' && attempt <= 2) throw new RpcError(status.UNAVAILABLE, `too busy for attempt ${attempt}`);
    return new helloworld.HelloReply({ message: `Hello, ${request.name}, at attempt ${attempt}` });
  });
  return { handlers: { SayHello: greet, SayHelloAgain: greet }, attempts };
}
