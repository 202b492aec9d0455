// Chapter 10: a service you can operate. Health, reflection and channelz on a
// running server; a dependency outage seen through Watch; idle and half-dead
// connections; and a graceful shutdown that loses nothing it accepted.
import { runTour } from '../shared/chapter.ts';
import { startServer } from '../shared/server.ts';
import type { Transcript } from '../shared/transcript.ts';
import { idleConnectionClosed } from './connections/idle.ts';
import { inspect } from './inspection/inspection.ts';
import { freezeUnderOpenStreams, frozenPeerLines } from './connections/keepalive.ts';
import { operatedServer } from './operated-server.ts';
import { outage } from './tour/outage.ts';
import { stopWhileBusy } from './tour/shutdown.ts';
import { SERVER_OPTIONS } from '../shared/server-options.ts';

async function tour(t: Transcript): Promise<string> {
  // The half-dead connection takes longest, mostly waiting: it starts first,
  // on a server of its own.
  const frozenPeer = freezeUnderOpenStreams();
  frozenPeer.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  const operated = operatedServer({ intervalMs: 10 });
  const server = await startServer(operated.addServices, { serverOptions: SERVER_OPTIONS });
  try {
    t.step(`Greeter, Cal, compute.Compute, MyService and RouteGuide.ListFeatures on ${server.address}, with health, reflection and channelz`);
    const { services } = await inspect(server.address, t);
    const watched = await outage(server.address, operated.directory, t);

    // The last three steps mostly wait (for idleness, for pings that never
    // come back, for a grace period to run out): run them side by side, then
    // tell them in order.
    const [idle, frozen, shutdown] = await Promise.all([idleConnectionClosed(100), frozenPeer, stopWhileBusy(server, operated.health, 250)]);

    t.step('An idle connection: the server closes it after 100 ms without calls (grpc.max_connection_idle_ms)');
    t.note(`channel states: ${idle.states.join(' → ')}; IDLE ${idle.idleAfterMs} ms after the last call`);
    t.note(`the next call connects again and is answered: "${idle.secondReply}"`);

    t.step('A half-dead connection: a proxy under two open streams stops forwarding, without closing anything');
    for (const line of frozenPeerLines(frozen)) t.note(line);
    t.note('To watch the pings: GRPC_TRACE=keepalive GRPC_VERBOSITY=DEBUG npx tsx chapters/10-operating-a-service/connections/frozen-peer.ts');

    t.step('Graceful shutdown of this server, while a ListFeatures stream and a health Watch are open (grace: 250 ms)');
    t.note(`health watcher saw: ${shutdown.watcherSaw.join(' → ')}`);
    t.note(`a call made after the stop began: ${shutdown.lateCall}`);
    t.note(`the stream in flight: ${shutdown.streamed} of 8 features, then ${shutdown.streamStatus}`);
    t.note('The Watch never ends by itself, so the grace period ended it.');

    return (
      `10 operating a service: MyService ${watched.join(' → ')}; reflection listed ${services.length} services; ` +
      `frozen peer → ${frozen.withKeepalive.status}; shutdown delivered ${shutdown.streamed}/8 features`
    );
  } finally {
    await server.stop();
  }
}

await runTour('Chapter 10 · Operating a service: health, reflection, channelz, shutdown, keepalive', tour);
