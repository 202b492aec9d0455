// The calls this chapter makes, shared by the tour (index.ts) and the client
// half (client.ts): metadata both ways, the auth interceptor's answers, and
// the connections TLS refuses.
import { credentials, Metadata, type ChannelCredentials, type ClientOptions } from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';
import { routeguide } from '../../generated/static/route_guide.ts';
import { callUnary, deadlineIn, isServiceError } from '../shared/client.ts';
import type { Transcript } from '../shared/transcript.ts';
import type { PemIdentity } from './tls/certificates.ts';
import { requestIdInterceptor, timingInterceptor } from './interceptors/client-interceptors.ts';
import { collectStream, describeMetadata, unaryWithMetadata } from './metadata/metadata-calls.ts';
import { METADATA_KEYS } from './metadata/metadata-keys.ts';
import { bearerToken, channelCredentials } from './tls/tls-credentials.ts';
import { DEMO_TOKENS } from './interceptors/tokens.ts';

const SAY_HELLO = helloworld.UnimplementedGreeterService.definition.SayHello.path;
const SAY_HELLO_AGAIN = helloworld.UnimplementedGreeterService.definition.SayHelloAgain.path;
const LIST_FEATURES = routeguide.UnimplementedRouteGuideService.definition.ListFeatures.path;

/** A server to call, and what a well-configured client of it holds. */
export interface Endpoint {
  address: string;
  /** The CA certificate the server's certificate chains to. */
  ca: string;
  /** The client certificate, when the server asks for one (mutual TLS). */
  identity?: PemIdentity;
}

/** What the calls came to, for the summary line. */
export interface Tally {
  answered: number;
  /** Status names of the refused calls, in order. */
  refused: string[];
}

export const newTally = (): Tally => ({ answered: 0, refused: [] });

function openClients(address: string, channel: ChannelCredentials, t: Transcript) {
  const options: ClientOptions = { interceptors: [requestIdInterceptor(), timingInterceptor((line) => t.note(line))] };
  const greeter = new helloworld.GreeterClient(address, channel, options);
  const routes = new routeguide.RouteGuideClient(address, channel, options);
  const close = () => {
    greeter.close();
    routes.close();
  };
  return { greeter, routes, close };
}

/** Runs `call`; records and narrates a refusal instead of throwing it. */
async function attempt(tally: Tally, t: Transcript, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
    tally.answered++;
  } catch (error) {
    if (!isServiceError(error)) throw error;
    tally.refused.push(t.failed(error));
  }
}

export async function showMetadata(endpoint: Endpoint, tally: Tally, t: Transcript): Promise<void> {
  const { ca, identity } = endpoint;
  const { greeter, routes, close } = openClients(endpoint.address, channelCredentials({ trust: ca, identity, token: DEMO_TOKENS.reader }), t);
  try {
    t.step('Metadata on a unary call: request headers in; response headers, reply and trailers out');
    const headers = new Metadata();
    headers.set(METADATA_KEYS.trace, Buffer.from('0af7651916cd43dd', 'hex'));
    t.note(`request headers: ${describeMetadata(headers)} (+ x-request-id from the interceptor, authorization from the call credentials)`);
    t.sent(SAY_HELLO, { name: 'World' });
    await attempt(tally, t, async () => {
      const { reply, headers: received, trailers } = await unaryWithMetadata(greeter.SayHello, new helloworld.HelloRequest({ name: 'World' }), headers);
      t.note(`response headers: ${describeMetadata(received)}`);
      t.received(reply.toObject());
      t.note(`trailers: ${describeMetadata(trailers)}`);
    });

    t.step('A refused call still has trailers: the status travels in them');
    t.sent(SAY_HELLO, { name: '' });
    await attempt(tally, t, async () => {
      await unaryWithMetadata(greeter.SayHello, new helloworld.HelloRequest({ name: '' }), headers).catch((error: unknown) => {
        if (isServiceError(error)) t.note(`trailers: ${describeMetadata(error.metadata)}`);
        throw error;
      });
    });

    t.step('Metadata on a server stream: headers before the first message, trailers after the last');
    const rectangle = new routeguide.Rectangle({
      lo: new routeguide.Point({ latitude: 400_000_000, longitude: -750_000_000 }),
      hi: new routeguide.Point({ latitude: 420_000_000, longitude: -730_000_000 }),
    });
    t.sent(LIST_FEATURES, rectangle.toObject());
    await attempt(tally, t, async () => {
      const stream = routes.ListFeatures(rectangle, headers, { deadline: deadlineIn() });
      const { reply: features, headers: received, trailers } = await collectStream(stream);
      t.note(`response headers: ${describeMetadata(received)}`);
      for (const feature of features) t.received(feature.toObject());
      t.note(`trailers: ${describeMetadata(trailers)}`);
    });
  } finally {
    close();
  }
}

export async function showAuthentication(endpoint: Endpoint, tally: Tally, t: Transcript): Promise<void> {
  const { ca, identity } = endpoint;
  // No token on the channel: each call below brings its own per-call credentials.
  const { greeter, close } = openClients(endpoint.address, channelCredentials({ trust: ca, identity }), t);
  const request = new helloworld.HelloRequest({ name: 'World' });
  const asCaller = (token: string) => ({ deadline: deadlineIn(), credentials: bearerToken(token) });
  try {
    t.step('The auth interceptor answers before any handler runs');
    t.note('no token:');
    await attempt(tally, t, () => callUnary(greeter.SayHello, request));
    const reader = DEMO_TOKENS.reader;
    const wrongTokens = {
      'the reader token with its last character changed': `${reader.slice(0, -1)}X`,
      'a prefix of the reader token': reader.slice(0, 6),
      'the reader token with more after it': `${reader}-and-more`,
    };
    for (const [description, token] of Object.entries(wrongTokens)) {
      t.note(`${description}:`);
      await attempt(tally, t, () => callUnary(greeter.SayHello, request, asCaller(token)));
    }
    t.note(`the reader token, calling ${SAY_HELLO_AGAIN}, which needs admin:`);
    await attempt(tally, t, () => callUnary(greeter.SayHelloAgain, request, asCaller(reader)));
    t.note('the admin token, same method:');
    await attempt(tally, t, async () => t.received((await callUnary(greeter.SayHelloAgain, request, asCaller(DEMO_TOKENS.admin))).toObject()));
  } finally {
    close();
  }
}

/** Calls SayHello on a channel with `channel` credentials (which carry the token, if any). */
async function greetOver(address: string, channel: ChannelCredentials, tally: Tally, t: Transcript): Promise<void> {
  const { greeter, close } = openClients(address, channel, t);
  try {
    await attempt(tally, t, async () => t.received((await callUnary(greeter.SayHello, new helloworld.HelloRequest({ name: 'World' }))).toObject()));
  } finally {
    close();
  }
}

/** Clients that TLS turns away before any call is made. */
export async function showRefusedConnections({ address, identity }: Endpoint, tally: Tally, t: Transcript): Promise<void> {
  const token = DEMO_TOKENS.reader;
  t.step('Connections TLS refuses');
  t.note("a client that trusts only Node's public roots, not our CA:");
  await greetOver(address, channelCredentials({ identity, token }), tally, t);
  // No token for this one: it could only go as per-call credentials, in plain text.
  t.note('a plaintext client:');
  await greetOver(address, credentials.createInsecure(), tally, t);
}

/** Mutual TLS: the client shows a certificate too, or is turned away. */
export async function showMutualTls({ address, ca, identity }: Endpoint, tally: Tally, t: Transcript): Promise<void> {
  const token = DEMO_TOKENS.reader;
  t.step(`Mutual TLS at ${address}: the server asks for the client's certificate`);
  t.note('a client with the certificate our CA signed for it:');
  await greetOver(address, channelCredentials({ trust: ca, identity, token }), tally, t);
  t.note('a client with no certificate of its own:');
  await greetOver(address, channelCredentials({ trust: ca, token }), tally, t);
}
