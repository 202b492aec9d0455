// The Greeter server in plain grpc-js: no workbook helper, only the library
// and the stubs that `npm run generate` made from protos/hello.proto.
//   npx tsx chapters/02-unary-hello/plain-server.ts [--port 50051]
import { parseArgs } from 'node:util';
import { Server, ServerCredentials, status, type sendUnaryData } from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';

const { HelloReply, UnimplementedGreeterService } = helloworld;

function greet(name: string, greeting: string, callback: sendUnaryData<helloworld.HelloReply>): void {
  // Refuse with a status code and a message; never answer "Hello, ".
  if (name === '') return callback({ code: status.INVALID_ARGUMENT, details: 'name must not be empty' });
  callback(null, new HelloReply({ message: `${greeting}, ${name}` }));
}

// The generated type lists every method: leave one out or misspell it and tsc fails.
const greeter: helloworld.UnimplementedGreeterService = {
  SayHello: (call, callback) => greet(call.request.name, 'Hello', callback),
  SayHelloAgain: (call, callback) => greet(call.request.name, 'Hello again', callback),
};

const { port } = parseArgs({ options: { port: { type: 'string', default: '50051' } } }).values;
const server = new Server();
server.addService(UnimplementedGreeterService.definition, greeter);
// localhost: loopback only. Port 0 lets the OS pick a free port.
server.bindAsync(`localhost:${port}`, ServerCredentials.createInsecure(), (error, boundPort) => {
  if (error) {
    console.error(`could not listen on localhost:${port}: ${error.message}`);
    process.exit(1);
  }
  console.log(`Greeter listening on localhost:${boundPort}`);
});
// Ctrl-C: stop taking calls, let the running ones finish, then exit.
process.once('SIGINT', () => server.tryShutdown(() => process.exit(0)));
