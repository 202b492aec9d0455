// Chapter 10: a service you can operate. Health, reflection and channelz on a
// running server; a dependency outage seen through Watch; idle and half-dead
// connections; and a graceful shutdown that loses nothing it accepted.
import { runTour } from '../shared/chapter.ts';
import { startServer } from '../shared/server.ts';
import { runScript } from '../shared/testing.ts';
import type { Transcript } from '../shared/transcript.ts';
import { idleConnectionClosed } from './idle.ts';
import { inspect } from './inspection.ts';
import { operatedServer } from './operated-server.ts';
import { outage } from './outage.ts';
import { stopWhileBusy } from './shutdown.ts';
import { traceLines } from './trace-lines.ts';

async function tour(t: Transcript): Promise<string> {
  // The half-dead connection runs in a child process with GRPC_TRACE on (the
  // variable is read when grpc-js loads), alongside the rest of the tour.
  const frozenPeer = runScript('chapters/10-operating-a-service/frozen-peer.ts', [], {
    env: { ...process.env, GRPC_TRACE: 'keepalive', GRPC_VERBOSITY: 'DEBUG' },
  });
  const operated = operatedServer({ intervalMs: 20 });
  const server = await startServer(operated.addServices);
  try {
    t.step(`Greeter, Cal, compute.Compute, MyService and RouteGuide.ListFeatures on ${server.address}, with health, reflection and channelz`);
    const { services } = await inspect(server.address, t);
    const watched = await outage(server.address, operated.directory, t);

    t.step('An idle connection: the server closes it after 150 ms without calls (grpc.max_connection_idle_ms)');
    const idle = await idleConnectionClosed(150);
    t.note(`channel states: ${idle.states.join(' → ')}; IDLE ${idle.idleAfterMs} ms after the last call`);
    t.note(`the next call connects again and is answered: "${idle.secondReply}"`);

    t.step('Graceful shutdown while a ListFeatures stream and a health Watch are open (grace: 300 ms)');
    const shutdown = await stopWhileBusy(300);
    t.note(`health watcher saw: ${shutdown.watcherSaw.join(' → ')}`);
    t.note(`a call made after the stop began: ${shutdown.lateCall}`);
    t.note(`the stream in flight: ${shutdown.streamed} of 8 features, then ${shutdown.streamStatus}`);
    t.note('The Watch never ends by itself, so the grace period ended it.');

    t.step('A half-dead connection: a proxy under two open streams stops forwarding, without closing anything');
    const { code, stdout, stderr } = await frozenPeer;
    if (code !== 0) throw new Error(`frozen-peer.ts exited with ${code}:\n${stderr}`);
    for (const line of stdout.trimEnd().split('\n')) t.note(line);
    t.note('GRPC_TRACE=keepalive GRPC_VERBOSITY=DEBUG shows the pings that went unanswered:');
    for (const line of traceLines(stderr, /Sending ping|Ping timeout/)) t.note(`  ${line}`);
    const detected = /^client with keepalive: (\w+)/m.exec(stdout)?.[1];

    return (
      `10 operating a service: MyService ${watched.join(' → ')}; reflection listed ${services.length} services; ` +
      `frozen peer → ${detected}; shutdown delivered ${shutdown.streamed}/8 features`
    );
  } finally {
    await server.stop();
  }
}

await runTour('Chapter 10 · Operating a service: health, reflection, shutdown, keepalive, tracing', tour);
