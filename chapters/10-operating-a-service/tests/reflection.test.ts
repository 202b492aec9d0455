// What reflection says about the chapter's server must match protos/, the
// single source of truth, and must match what the server really serves.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import protobuf from 'protobufjs';
import { deadlineIn } from '../../shared/client.ts';
import { PROTOS_DIR } from '../../shared/proto-loader.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { SERVED_PROTO_FILES } from '../admin-services.ts';
import { Descriptors } from '../inspection/describe.ts';
import { openBidiStream } from '../inspection/method-calls.ts';
import { operatedServer, SERVICE_NAMES } from '../operated-server.ts';
import { ReflectionClient } from '../inspection/reflection-client.ts';

// protos/ read by protobuf.js directly: a second, independent reading of the
// same files, rendered as .proto text to compare with what reflection sends.
const protos = new protobuf.Root().loadSync(
  SERVED_PROTO_FILES.map((file) => join(PROTOS_DIR, file)),
  { keepCase: true },
);
protos.resolveAll();

const withoutDot = (name: string) => name.replace(/^\./, '');

function servicesIn(namespace: protobuf.NamespaceBase): protobuf.Service[] {
  return namespace.nestedArray.flatMap((nested) =>
    nested instanceof protobuf.Service ? [nested] : nested instanceof protobuf.Namespace ? servicesIn(nested) : [],
  );
}

function serviceText(service: protobuf.Service): string {
  const type = (stream: boolean | undefined, resolved: protobuf.Type | null) => `${stream ? 'stream ' : ''}${withoutDot(resolved?.fullName ?? '?')}`;
  const methods = service.methodsArray.map(
    (method) => `  rpc ${method.name} (${type(method.requestStream, method.resolvedRequestType)}) returns (${type(method.responseStream, method.resolvedResponseType)});\n`,
  );
  return `service ${service.name} {\n${methods.join('')}}`;
}

function messageText(message: protobuf.Type): string {
  const fields = message.fieldsArray.map(
    (field) => `  ${field.repeated ? 'repeated ' : ''}${field.resolvedType ? withoutDot(field.resolvedType.fullName) : field.type} ${field.name} = ${field.id};\n`,
  );
  return `message ${message.name} {\n${fields.join('')}}`;
}

/** Every message a service's methods take or return, and the messages inside those. */
function messagesUsedBy(services: protobuf.Service[]): protobuf.Type[] {
  const found = new Set<protobuf.Type>();
  const visit = (message: protobuf.Type | null) => {
    if (!message || found.has(message)) return;
    found.add(message);
    for (const field of message.fieldsArray) if (field.resolvedType instanceof protobuf.Type) visit(field.resolvedType);
  };
  for (const method of services.flatMap((service) => service.methodsArray)) {
    visit(method.resolvedRequestType);
    visit(method.resolvedResponseType);
  }
  return [...found];
}

const protoServices = servicesIn(protos);

/**
 * The name reflection knows a service or message by. @grpc/reflection 1.0.4
 * names those declared without a package with a leading dot (".Cal",
 * ".AddRequest"); the lesson explains. If a new version drops the dot, these
 * tests say so.
 */
const reflectedName = (object: protobuf.ReflectionObject) => (object.parent === protos ? `.${object.name}` : withoutDot(object.fullName));

let server: RunningServer;
let reflection: ReflectionClient;
before(async () => {
  server = await startServer(operatedServer({ intervalMs: 1 }).addServices);
  reflection = new ReflectionClient(server.address);
});
after(async () => {
  reflection.close();
  await server.stop(0);
});

test('the health service reports on exactly the services protos/ defines for this server', () => {
  assert.deepEqual(protoServices.map((service) => withoutDot(service.fullName)).sort(), [...SERVICE_NAMES].sort());
});

test('reflection lists the services of protos/ that the server registers, plus health (channelz is served, but left out)', async () => {
  assert.deepEqual((await reflection.listServices()).sort(), [
    ...protoServices.map(reflectedName),
    'grpc.health.v1.Health',
  ].sort());
});

test('every service reflection describes is the service in protos/, method for method', async () => {
  for (const service of protoServices) {
    const name = reflectedName(service);
    assert.equal(new Descriptors(await reflection.filesContaining(name)).describe(name), serviceText(service), name);
  }
});

test('every message those methods use is the message in protos/, field for field', async () => {
  const messages = messagesUsedBy(protoServices);
  assert.ok(messages.length >= 15, `only ${messages.length} messages found`);
  for (const message of messages) {
    const name = reflectedName(message);
    assert.equal(new Descriptors(await reflection.filesContaining(name)).describe(name), messageText(message), name);
  }
});

test('reflection refuses an unknown symbol with NOT_FOUND, and needs the dot for a service without a package', async () => {
  await assert.rejects(reflection.filesContaining('routeguide.Nowhere'), { code: grpc.status.NOT_FOUND, details: 'Symbol not found: routeguide.Nowhere' });
  await assert.rejects(reflection.filesContaining('Cal'), { code: grpc.status.NOT_FOUND, details: 'Symbol not found: Cal' });
});

test('what @grpc/reflection 1.0.4 sends: files regrouped by package, an empty dependency list, relative field types', async () => {
  const files = await reflection.filesContaining('.MyService');
  assert.deepEqual(
    files.map((file) => file.getName()),
    ['root.proto', 'google_protobuf.proto'],
  );
  const [root] = files;
  assert.deepEqual(
    root.getServiceList().map((service) => service.getName()),
    ['Cal', 'MyService'],
    'calculator.proto and users.proto, both without a package, become one file',
  );
  assert.deepEqual(root.getDependencyList(), [], 'users.proto imports google/protobuf/empty.proto, but no dependency is listed');
  const [routeguide] = await reflection.filesContaining('routeguide.Feature');
  const feature = routeguide.getMessageTypeList().find((message) => message.getName() === 'Feature');
  assert.equal(feature?.getFieldList()[1]?.getTypeName(), 'Point', 'protoc would write .routeguide.Point');
});

test('every method reflection lists is served: only the three RouteGuide methods this chapter leaves out are UNIMPLEMENTED', async () => {
  // Every call shape is the same on the wire: request messages, then the
  // client half-closes. So one empty message and a half-close reach any
  // method, and any status but UNIMPLEMENTED means a handler answered.
  const client = new grpc.Client(server.address, grpc.credentials.createInsecure());
  const bytes = { requestSerialize: (message: Buffer) => message, responseDeserialize: (message: Buffer) => message };
  const reach = (path: string) =>
    new Promise<string>((resolve) => {
      const call = openBidiStream(client, { path, ...bytes }, { deadline: deadlineIn() });
      call.on('data', () => {
        resolve('answered');
        call.cancel(); // a Watch would go on for ever
      });
      call.on('error', () => {}); // the status says how it ended
      call.on('status', ({ code }) => resolve(grpc.status[code]));
      call.end(Buffer.alloc(0));
    });
  try {
    const unimplemented: string[] = [];
    for (const name of await reflection.listServices()) {
      const descriptors = new Descriptors(await reflection.filesContaining(name));
      const definition = descriptors.definitions.get(withoutDot(name));
      assert.equal(definition?.kind, 'service', name);
      if (definition?.kind !== 'service') continue;
      for (const method of definition.service.getMethodList()) {
        const path = `/${withoutDot(name)}/${method.getName()}`;
        if ((await reach(path)) === 'UNIMPLEMENTED') unimplemented.push(path);
      }
    }
    assert.deepEqual(unimplemented, ['/routeguide.RouteGuide/GetFeature', '/routeguide.RouteGuide/RecordRoute', '/routeguide.RouteGuide/RouteChat']);
  } finally {
    client.close();
  }
});
