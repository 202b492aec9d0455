// The services that describe the server rather than do its work: server
// reflection (what do you serve?) and channelz (how are your calls going?).
// Both tell a caller a lot about the server: serve them on loopback or behind
// authentication, never to the open internet.
import { dirname, resolve } from 'node:path';
import { getChannelzHandlers, getChannelzServiceDefinition, type Server } from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { LOADER_OPTIONS, PROTOS_DIR } from '../shared/proto-loader.ts';
import { withWireChecks } from '../shared/wire-check.ts';

/** The files in protos/ that define the services this chapter's server registers. */
export const SERVED_PROTO_FILES = ['hello.proto', 'calculator.proto', 'compute.proto', 'users.proto', 'route_guide.proto'];

/**
 * Health's own .proto, as [folder to import from, file name inside it].
 * channelz's is left out on purpose: its 39 messages would make building
 * the reflection service several times slower, and channelz tools carry its
 * .proto anyway.
 */
const LIBRARY_PROTOS = [[resolve(dirname(healthProtoPath), '../..'), 'health/v1/health.proto']] as const;

/**
 * @grpc/reflection answers from the package definition it is given, not from
 * what is registered on the server: so we give it the very files the
 * registered services come from, and a test checks that the two agree.
 */
export function servedPackageDefinition(): protoLoader.PackageDefinition {
  return protoLoader.loadSync([...SERVED_PROTO_FILES, ...LIBRARY_PROTOS.map(([, file]) => file)], {
    ...LOADER_OPTIONS, // keepCase: field names as written (point_count), as every other language reports them
    includeDirs: [PROTOS_DIR, ...LIBRARY_PROTOS.map(([folder]) => folder)],
  });
}

let reflection: ReflectionService | undefined;

export function addAdminServices(server: Server): void {
  // Encoding every file's descriptors takes a moment, and they never change:
  // once per process is enough, however many servers it starts.
  reflection ??= new ReflectionService(servedPackageDefinition());
  // Reflection's stream is decoded by protobuf.js, which throws on bad bytes:
  // withWireChecks turns that throw into a status the stream always gets
  // (lesson 08, "Streams that always end"; the server needs SERVER_OPTIONS).
  reflection.addToServer({ addService: (definition, handlers) => server.addService(withWireChecks(definition), handlers) });
  server.addService(getChannelzServiceDefinition(), getChannelzHandlers());
}
