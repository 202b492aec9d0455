// A Greeter client in plain grpc-js: the generated client class, a channel
// without TLS (fine on loopback), and one call in each of the two usual forms.
//   npx tsx chapters/02-unary-hello/plain-client.ts [--addr localhost:50051] [--name World]
import { parseArgs } from 'node:util';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';

const { GreeterClient, HelloRequest } = helloworld;
const { addr, name } = parseArgs({
  options: { addr: { type: 'string', default: 'localhost:50051' }, name: { type: 'string', default: 'World' } },
}).values;

const client = new GreeterClient(addr, credentials.createInsecure());
const request = new HelloRequest({ name });
// Every call gets a deadline: without one, a call to a stuck server waits forever.
const inTwoSeconds = () => new Date(Date.now() + 2_000);

function fail(method: string, error: ServiceError): void {
  console.error(`${method} failed: ${status[error.code]} (${error.code}): ${error.details}`);
  process.exitCode = 1;
}

// 1. The callback form, grpc-js's own API: when the call ends, the callback
//    gets either an error carrying a status code or the reply.
client.SayHello(request, { deadline: inTwoSeconds() }, (error, reply) => {
  if (error) fail('SayHello', error);
  else console.log(`SayHello: ${reply?.message}`);
  void callAgain();
});

// 2. The promise form: wrap the callback once, then await the call.
function sayHelloAgain(request: helloworld.HelloRequest): Promise<helloworld.HelloReply> {
  return new Promise((resolve, reject) => {
    client.SayHelloAgain(request, { deadline: inTwoSeconds() }, (error, reply) => {
      if (error || !reply) reject(error);
      else resolve(reply);
    });
  });
}

async function callAgain(): Promise<void> {
  // A rejected call rejects with the same ServiceError the callback would get.
  const reply = await sayHelloAgain(request).catch((error: ServiceError) => fail('SayHelloAgain', error));
  if (reply) console.log(`SayHelloAgain: ${reply.message}`);
  client.close();
}
