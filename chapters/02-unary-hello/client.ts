// Chapter 02, client half: greets a running Greeter with both kinds of client.
import { helloworld } from '../../generated/static/hello.ts';
import { runClientHalf } from '../shared/chapter.ts';
import { dynamicGreeterCalls, staticGreeterCalls } from './greeter-clients.ts';

const { SayHello, SayHelloAgain } = helloworld.UnimplementedGreeterService.definition;

await runClientHalf({
  usage: `Usage: npx tsx chapters/02-unary-hello/client.ts [--addr localhost:50051]

Calls SayHello and SayHelloAgain on a Greeter, first with the static stubs, then
with proto-loader. Start the server first: npx tsx chapters/02-unary-hello/server.ts
Exits 1 and prints the gRPC status if a call fails.`,
  async run(address, t) {
    for (const open of [staticGreeterCalls, dynamicGreeterCalls]) {
      const client = open(address);
      try {
        t.step(`${client.kind} client → ${address}`);
        t.sent(SayHello.path, { name: 'World' });
        t.received({ message: await client.sayHello('World') });
        t.sent(SayHelloAgain.path, { name: 'World' });
        t.received({ message: await client.sayHelloAgain('World') });
      } finally {
        client.close();
      }
    }
  },
});
