// A Greeter client for a fleet: one channel over many backends, whose greet()
// also reports which backend answered and on which attempt.
import { credentials, Metadata, type ChannelOptions } from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';
import { deadlineIn } from '../shared/client.ts';
import { BACKEND_HEADER, PREVIOUS_ATTEMPTS_HEADER } from './backend.ts';

export interface Answer {
  message: string;
  /** The name the answering backend put in its response header. */
  backend: string;
  /** 1 for an answer to the first attempt, 3 after two retries. */
  attempt: number;
}

export interface GreetOptions {
  deadline?: Date;
  /** Call options that travel with the request, e.g. new Metadata({ waitForReady: true }). */
  metadata?: Metadata;
}

export interface FleetGreeter {
  greet(name: string, options?: GreetOptions): Promise<Answer>;
  readonly client: helloworld.GreeterClient;
  close(): void;
}

export function openFleetGreeter(target: string, channelOptions: ChannelOptions = {}): FleetGreeter {
  // Plaintext is fine on loopback; chapter 09 adds TLS.
  const client = new helloworld.GreeterClient(target, credentials.createInsecure(), channelOptions);
  return {
    client,
    greet: (name, { deadline = deadlineIn(), metadata = new Metadata() } = {}) =>
      new Promise((resolve, reject) => {
        let headers = new Metadata();
        const call = client.SayHello(new helloworld.HelloRequest({ name }), metadata, { deadline }, (error, reply) => {
          if (error) return reject(error);
          resolve({
            // A unary call that ends without an error always carries a reply.
            message: (reply as helloworld.HelloReply).message,
            backend: String(headers.get(BACKEND_HEADER)[0] ?? 'unnamed'),
            // A retrying client copies grpc-previous-rpc-attempts into the headers it hands us.
            attempt: Number(headers.get(PREVIOUS_ATTEMPTS_HEADER)[0] ?? 0) + 1,
          });
        });
        // Response headers arrive before the reply, so this runs first.
        call.on('metadata', (received) => (headers = received));
      }),
    close: () => client.close(),
  };
}
