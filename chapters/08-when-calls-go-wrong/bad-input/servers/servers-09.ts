// Matrix table for chapter 09's services (the metadata Greeter and the
// corners-only ListFeatures), plaintext and without the chapter's auth
// interceptor: the matrix checks what the handlers do with the bytes.
import { status } from '@grpc/grpc-js';
import { helloworld } from '../../../../generated/static/hello.ts';
import { routeguide } from '../../../../generated/static/route_guide.ts';
import { boundStatusDetails, SERVER_LIMITS } from '../../../shared/server-options.ts';
import { startServer } from '../../../shared/server.ts';
import { addMetadataServices } from '../../../09-metadata-interceptors-tls/metadata-services.ts';
import type { MatrixServer } from '../matrix.ts';
import { pointAndRectangleRows } from './servers-04-05.ts';

const bytes = (message: { serialize(): Uint8Array }) => Buffer.from(message.serialize());
const { OK, INVALID_ARGUMENT } = status;
const greeter = helloworld.UnimplementedGreeterService.definition;
const HERE = new routeguide.Point({ latitude: 409146138, longitude: -746188906 });
const [, listFeatures] = pointAndRectangleRows(HERE); // the same rectangle rule as chapter 04's

export const chapter09Server: MatrixServer = {
  name: '09 metadata Greeter and ListFeatures',
  start: () => startServer(addMetadataServices, { serverOptions: { ...SERVER_LIMITS, interceptors: [boundStatusDetails] } }),
  rows: [
    listFeatures,
    ...[greeter.SayHello, greeter.SayHelloAgain].map((method) => ({
      method,
      valid: bytes(new helloworld.HelloRequest({ name: 'World' })),
      answers: { empty: INVALID_ARGUMENT, unknownFields: INVALID_ARGUMENT, bigUnknownField: INVALID_ARGUMENT, hugeString: OK },
    })),
  ],
  followUp: {
    method: greeter.SayHello,
    request: bytes(new helloworld.HelloRequest({ name: 'World' })),
    reply: bytes(new helloworld.HelloReply({ message: 'Hello, World' })),
  },
};
