// Chapter 13: one connect-node server that speaks gRPC, gRPC-Web and the
// Connect protocol, called from Node and from a page in headless Chromium.
import { once } from 'node:events';
import { routeguide } from '../../generated/static/route_guide.ts';
import { staticGreeterCalls } from '../02-unary-hello/greeter-clients.ts';
import { listFeatures as listFeaturesWithGrpcJs, openRouteGuide } from '../04-route-guide-streaming/route-guide-client.ts';
import { runTour } from '../shared/chapter.ts';
import type { Transcript } from '../shared/transcript.ts';
import { BROWSER_HINT, hasChromium, launchChromium } from './browser/browser.ts';
import { greetInEveryProtocol } from './from-node/every-protocol.ts';
import { listFeatures, openPage, recordRoute, sayHello, type PageTransport } from './browser/page-driver.ts';
import { startWebServer, type RunningWebServer } from './web-server.ts';

const { Point, Rectangle } = routeguide;

async function tour(t: Transcript): Promise<string> {
  // A pause between features long enough for Stop to land mid-stream, even on a busy machine.
  const server = await startWebServer({ featureIntervalMs: 10 });
  try {
    t.step(`One connect-node server, two listeners: HTTP/2 on ${server.grpcAddress}, HTTP/1.1 (the page) on ${server.pageUrl}`);

    t.step('grpc-js clients from chapters 02 and 04, over gRPC');
    const greeter = staticGreeterCalls(server.grpcAddress);
    const guide = openRouteGuide(server.grpcAddress);
    let listedByGrpcJs: number;
    try {
      t.sent('/helloworld.Greeter/SayHello', { name: 'World' });
      t.received({ message: await greeter.sayHello('World') });
      const world = new Rectangle({ lo: new Point({ latitude: -900_000_000, longitude: -1_800_000_000 }), hi: new Point({ latitude: 900_000_000, longitude: 1_800_000_000 }) });
      listedByGrpcJs = (await listFeaturesWithGrpcJs(guide, world)).length;
      t.note(`ListFeatures over the whole Earth: ${listedByGrpcJs} features streamed`);
    } finally {
      greeter.close();
      guide.close();
    }

    t.step('The same port, in every protocol connect-node speaks (connect-node clients)');
    const results = Object.values(await greetInEveryProtocol(server.grpcAddress, t));
    const greeted = results.filter(({ greeting }) => greeting === 'Hello, World').length;
    const refusals = new Set(results.map(({ refusal }) => refusal.split(':')[0]));

    t.step('Connect JSON is plain HTTP: fetch, POST, a JSON body, to the HTTP/1.1 listener');
    const url = `${server.pageUrl}/helloworld.Greeter/SayHello`;
    t.note(`POST ${url}  content-type: application/json  {"name":"World"}`);
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"World"}' });
    t.note(`${response.status} ${response.headers.get('content-type')}  ${await response.text()}`);

    const inBrowser = hasChromium() ? await tourInChromium(server, t) : undefined;
    if (!inBrowser) t.step(`${BROWSER_HINT}: the page steps are skipped; the Node clients above ran`);
    const node = `13 grpc from the browser: ${greeted}/4 protocols greeted on one port (${[...refusals].join(', ')} for an empty name); grpc-js streamed ${listedByGrpcJs} features`;
    return inBrowser ? `${node}; Chromium: ${inBrowser}` : `${node}; no Chromium, page not tried`;
  } finally {
    await server.stop();
  }
}

/** The page in headless Chromium, with each transport; returns what it showed, for the summary. */
async function tourInChromium(server: RunningWebServer, t: Transcript): Promise<string> {
  const browser = await launchChromium();
  const transports = ['connect', 'grpc-web'] satisfies PageTransport[];
  let greeted = 0;
  let cancelledStreams = 0;
  const refusals = new Set<string>();
  const listings = new Set<string>();
  const clientStreams = new Set<string>();
  try {
    const page = await openPage(browser, server.pageUrl);
    for (const transport of transports) {
      t.step(`Chromium opens ${server.pageUrl} and uses the ${transport} transport`);
      const greeting = await sayHello(page, transport, 'Chromium');
      t.note(`Say hello "Chromium" → the page shows: ${greeting.text}`);
      if (greeting.text === 'Hello, Chromium') greeted++;
      const refusal = await sayHello(page, transport, '');
      t.note(`Say hello "" → the page shows: ${refusal.text}`);
      refusals.add(refusal.text.split(':')[0]!);
      const listed = await listFeatures(page, transport);
      t.note(`List features → ${listed.text}`);
      listings.add(listed.text);
      const ended = once(server.routeGuide.events, 'listFeaturesEnded', { signal: AbortSignal.timeout(15_000) });
      const stopped = await listFeatures(page, transport, 10);
      const [end] = await ended;
      t.note(`List features, Stop after 10 → the page shows "${stopped.text}"; the server saw the cancel after sending ${end.sent} of ${end.matching}`);
      if (end.cancelled) cancelledStreams++;
      const route = await recordRoute(page, transport);
      t.note(`Record a route (client streaming) → ${route.text}`);
      clientStreams.add(route.text.split(':')[0]!);
    }
  } finally {
    await browser.close();
  }
  return `${transports.join(' and ')} greeted ${greeted}/2, refused ${[...refusals].join(', ')}, ${[...listings].join(', ')}, Stop cancelled ${cancelledStreams}/2 server streams, client streaming ${[...clientStreams].join(', ')}`;
}

await runTour('Chapter 13 · gRPC from the browser: gRPC-Web and Connect', tour);
