// Chapter 02: a unary call, from both kinds of generated code, and the three
// ways it goes wrong that every client meets first.
import { once } from 'node:events';
import { helloworld } from '../../generated/static/hello.ts';
import { runTour } from '../shared/chapter.ts';
import { startServer, type RunningServer } from '../shared/server.ts';
import type { Transcript } from '../shared/transcript.ts';
import { addDynamicGreeter } from './dynamic-greeter.ts';
import { dynamicGreeterCalls, staticGreeterCalls, type GreeterCalls } from './greeter-clients.ts';
import { slowGreeter } from './slow-greeter.ts';
import { addStaticGreeter } from './static-greeter.ts';
import { withWireChecks } from '../shared/wire-check.ts';
import { SERVER_OPTIONS } from '../shared/server-options.ts';

const SAY_HELLO = helloworld.UnimplementedGreeterService.definition.SayHello.path;
const SAY_HELLO_AGAIN = helloworld.UnimplementedGreeterService.definition.SayHelloAgain.path;

async function tour(t: Transcript): Promise<string> {
  const servers: Record<'static' | 'dynamic', RunningServer> = {
    static: await startServer(addStaticGreeter, { serverOptions: SERVER_OPTIONS }),
    dynamic: await startServer(addDynamicGreeter, { serverOptions: SERVER_OPTIONS }),
  };
  const slow = slowGreeter(1_000);
  const slowServer = await startServer((server) =>
    server.addService(withWireChecks(helloworld.UnimplementedGreeterService.definition), slow.handlers),
    { serverOptions: SERVER_OPTIONS },
  );
  const clients: GreeterCalls[] = [];
  try {
    t.step(`Two Greeter servers on loopback: static stubs at ${servers.static.address}, proto-loader at ${servers.dynamic.address}`);
    let agreed = 0;
    for (const [serverKind, server] of Object.entries(servers)) {
      for (const open of [staticGreeterCalls, dynamicGreeterCalls]) {
        const client = open(server.address);
        clients.push(client);
        t.note(`${client.kind} client → ${serverKind} server`);
        t.sent(SAY_HELLO, { name: 'World' });
        const reply = await client.sayHello('World');
        t.received({ message: reply });
        if (reply === 'Hello, World') agreed++;
      }
    }
    t.note(`${agreed} of 4 pairings answered "Hello, World": on the wire, both kinds of stub are the same.`);

    const [client] = clients;
    const statusesSeen: string[] = [];
    const noteFailure = (error: unknown) => void statusesSeen.push(t.failed(error));
    t.step('The second method of the same service');
    t.sent(SAY_HELLO_AGAIN, { name: 'World' });
    t.received({ message: await client.sayHelloAgain('World') });

    t.step('A request the server refuses: an empty name');
    t.sent(SAY_HELLO, { name: '' });
    await client.sayHello('').catch(noteFailure);

    t.step(`A server that needs 1 s, called with a 100 ms deadline (${slowServer.address})`);
    const slowClient = staticGreeterCalls(slowServer.address);
    clients.push(slowClient);
    const cancelled = once(slow.events, 'cancelled', { signal: AbortSignal.timeout(2_000) });
    t.sent(SAY_HELLO, { name: 'World' });
    await slowClient.sayHello('World', { deadline: new Date(Date.now() + 100) }).catch(noteFailure);
    const [elapsedMs] = await cancelled;
    t.note(`the server saw 'cancelled' after ${elapsedMs} ms and dropped the work`);

    t.step('The static server stops; the same client calls again');
    await servers.static.stop();
    t.sent(SAY_HELLO, { name: 'World' });
    await client.sayHello('World').catch(noteFailure);

    return `02 unary hello: ${agreed}/4 client×server pairings agreed; failures seen: ${statusesSeen.join(', ')}`;
  } finally {
    for (const client of clients) client.close();
    await Promise.all([servers.static.stop(), servers.dynamic.stop(), slowServer.stop()]);
  }
}

await runTour('Chapter 02 · a unary call: Greeter', tour);
