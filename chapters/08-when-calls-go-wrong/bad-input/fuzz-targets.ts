// What the fuzz suite runs against: the matrix's servers (chapters 02 to 09),
// plus the servers of chapters 10 and 11, each started with the options
// its chapter gives it. The methods are the ones the server registers.
import * as grpc from '@grpc/grpc-js';
import { helloworld } from '../../../generated/static/hello.ts';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { operatedServer } from '../../10-operating-a-service/operated-server.ts';
import { greeterBackend } from '../../11-many-servers/backend.ts';
import { SERVER_OPTIONS } from '../../shared/server-options.ts';
import { startServer } from '../../shared/server.ts';
import type { FuzzMethod, FuzzTarget } from './fuzz.ts';
import type { MatrixServer } from './matrix.ts';
import { MATRIX_SERVERS } from './servers/matrix-servers.ts';

const bytes = (message: { serialize(): Uint8Array }) => Buffer.from(message.serialize());
const HELLO = bytes(new helloworld.HelloRequest({ name: 'World' }));
const greeterFollowUp = { method: helloworld.UnimplementedGreeterService.definition.SayHello, request: HELLO };

function fromMatrix(server: MatrixServer): FuzzTarget {
  return { ...server, methods: server.rows.map(({ method, valid, deadlineMs }) => ({ method, valid, deadlineMs })) };
}

/**
 * Every method `addServices` registers, each with an empty request (a valid
 * message of any type) unless `valid` names a better one by path; methods in
 * `staysOpen` get a deadline, since their good answer is a stream that waits.
 */
function registeredMethods(addServices: (server: grpc.Server) => void, valid: Record<string, Buffer> = {}, staysOpen: string[] = []): FuzzMethod[] {
  const methods: FuzzMethod[] = [];
  // A server that is never bound, whose addService only writes down what it is given.
  const recorder = new grpc.Server();
  recorder.addService = (service) => methods.push(...Object.values(service).map((method) => ({ method, valid: valid[method.path] ?? Buffer.alloc(0) })));
  addServices(recorder);
  return methods.map((method) => (staysOpen.includes(method.method.path) ? { ...method, deadlineMs: 300 } : method));
}

const listRectangle = bytes(routeguide.Rectangle.fromObject({ lo: { latitude: 1, longitude: 1 }, hi: { latitude: 2, longitude: 2 } }));

const operated = operatedServer({ intervalMs: 1 });
const chapter10: FuzzTarget = {
  name: '10 operated server',
  start: () => startServer(operatedServer({ intervalMs: 1 }).addServices, { serverOptions: SERVER_OPTIONS }),
  methods: registeredMethods(
    operated.addServices,
    {
      '/helloworld.Greeter/SayHello': HELLO,
      '/helloworld.Greeter/SayHelloAgain': HELLO,
      '/routeguide.RouteGuide/ListFeatures': listRectangle,
      '/grpc.reflection.v1.ServerReflection/ServerReflectionInfo': Buffer.from([0x3a, 0x00]),
      '/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo': Buffer.from([0x3a, 0x00]),
    },
    ['/grpc.health.v1.Health/Watch', '/routeguide.RouteGuide/ListFeatures'],
  ),
  followUp: { ...greeterFollowUp, reply: bytes(new helloworld.HelloReply({ message: 'Hello, World' })) },
};

const backend = greeterBackend('fuzz');
const chapter11: FuzzTarget = {
  name: '11 Greeter back end',
  start: () => startServer(greeterBackend('fuzz').addTo, { serverOptions: SERVER_OPTIONS }),
  methods: registeredMethods((server) => backend.addTo(server), { '/helloworld.Greeter/SayHello': HELLO, '/helloworld.Greeter/SayHelloAgain': HELLO }),
  followUp: greeterFollowUp,
};

export const FUZZ_TARGETS: FuzzTarget[] = [...MATRIX_SERVERS.map(fromMatrix), chapter10, chapter11];
