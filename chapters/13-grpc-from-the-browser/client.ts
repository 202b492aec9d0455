// Chapter 13, client half: the Greeter over gRPC with chapter 02's grpc-js
// client, then over gRPC, gRPC-Web and Connect with connect-node's clients,
// all to the same port of a running chapter 13 server.
import { staticGreeterCalls } from '../02-unary-hello/greeter-clients.ts';
import { runClientHalf } from '../shared/chapter.ts';
import { greetInEveryProtocol } from './from-node/every-protocol.ts';

await runClientHalf({
  usage: `Usage: npx tsx chapters/13-grpc-from-the-browser/client.ts [--addr localhost:50051]

Calls SayHello on chapter 13's server with grpc-js (chapter 02's static stubs),
then in each protocol connect-node speaks: gRPC, gRPC-Web, Connect binary and
Connect JSON. Start the server first:
  npx tsx chapters/13-grpc-from-the-browser/server.ts
Exits 1 and prints the status if a call fails.`,
  async run(address, t) {
    t.step(`grpc-js (static stubs) → ${address}`);
    const greeter = staticGreeterCalls(address);
    try {
      t.sent('/helloworld.Greeter/SayHello', { name: 'World' });
      t.received({ message: await greeter.sayHello('World') });
    } finally {
      greeter.close();
    }
    t.step(`connect-node clients → ${address}, one protocol after another`);
    await greetInEveryProtocol(address, t);
  },
});
