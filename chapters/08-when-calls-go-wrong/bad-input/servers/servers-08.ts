// Matrix table for this chapter's own front server: the paced RouteGuide and
// the relay Greeter (with a quick back end), paced fast for the matrix.
import { status } from '@grpc/grpc-js';
import { helloworld } from '../../../../generated/static/hello.ts';
import { routeguide } from '../../../../generated/static/route_guide.ts';
import { SERVER_OPTIONS } from '../../../shared/server-options.ts';
import { startServer } from '../../../shared/server.ts';
import { addFrontServices, startBackend } from '../../chapter-servers.ts';
import { pacedRouteGuide } from '../../paced-route-guide.ts';
import type { MatrixServer } from '../matrix.ts';
import { pointAndRectangleRows } from './servers-04-05.ts';

const bytes = (message: { serialize(): Uint8Array }) => Buffer.from(message.serialize());
const { OK, INVALID_ARGUMENT, RESOURCE_EXHAUSTED } = status;
const guide = routeguide.UnimplementedRouteGuideService.definition;
const greeter = helloworld.UnimplementedGreeterService.definition;
const HERE = new routeguide.Point({ latitude: 409146138, longitude: -746188906 });

export const chapter08Server: MatrixServer = {
  name: '08 front (paced RouteGuide, relay Greeter)',
  async start() {
    // startBackend connects the front's client first: the relayed call's 2 s deadline must not pay for it (a 4 MiB name is slow enough).
    const backend = await startBackend(1);
    // A name that fills 4 MiB crosses four google-protobuf encodes and decodes on its way through the relay,
    // hundreds of ms each: on a loaded machine more than the relay's usual 2 s, so the matrix allows 10.
    const guide = pacedRouteGuide({ lookupMs: 1, stepMs: 1, maxFeatures: 3 });
    const front = await startServer((server) => addFrontServices(server, guide, backend.client, 10_000), {
      serverOptions: SERVER_OPTIONS,
    });
    return {
      address: front.address,
      async stop() {
        await front.stop(0);
        await backend.stop();
      },
    };
  },
  rows: [
    ...pointAndRectangleRows(HERE),
    { method: guide.RecordRoute, valid: bytes(HERE), answers: { empty: OK, unknownFields: OK, bigUnknownField: OK, biggestVarint: OK }, noMessages: OK },
    {
      method: guide.RouteChat,
      valid: bytes(routeguide.RouteNote.fromObject({ location: HERE.toObject(), message: 'hello' })),
      answers: { empty: OK, unknownFields: OK, bigUnknownField: OK, hugeString: OK },
      noMessages: OK,
    },
    ...[greeter.SayHello, greeter.SayHelloAgain].map((method) => ({
      method,
      valid: bytes(new helloworld.HelloRequest({ name: 'World' })),
      // No name is refused at the front, as chapter 02 refuses it.
      // The back end's "Hello, " + a 4 MiB name is over the front's 4 MiB
      // receive limit: the relay passes that RESOURCE_EXHAUSTED on.
      answers: { empty: INVALID_ARGUMENT, unknownFields: INVALID_ARGUMENT, bigUnknownField: INVALID_ARGUMENT, hugeString: RESOURCE_EXHAUSTED },
    })),
  ],
  followUp: {
    method: guide.GetFeature,
    request: bytes(HERE),
    reply: bytes(new routeguide.Feature({ name: 'the place at 409146138, -746188906', location: HERE })),
  },
};
