// The dynamic path: load a .proto at run time with @grpc/proto-loader, typed
// by the interfaces proto-loader-gen-types wrote into generated/proto-loader.
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { join } from 'node:path';
import { REPO_ROOT } from './repo-files.ts';

export const PROTOS_DIR = join(REPO_ROOT, 'protos');

/**
 * One set of options for loading at run time and for generating the types
 * (generated/generate.ts turns them into proto-loader-gen-types flags), so the
 * types always describe the objects we really get.
 */
export const LOADER_OPTIONS = {
  keepCase: true, // field names as written in the .proto (point_count, userIDs)
  longs: String, // int64 values (Timestamp.seconds) as decimal strings: no precision loss
  enums: String,
  defaults: true, // absent fields read as their default, as in every other language
  oneofs: true,
} as const satisfies protoLoader.Options;

/**
 * Loads `file` from protos/ and returns its gRPC objects as `T`, the
 * ProtoGrpcType generated for that file.
 */
export function loadProto<T>(file: string): T {
  const definition = protoLoader.loadSync(file, { ...LOADER_OPTIONS, includeDirs: [PROTOS_DIR] });
  return asGenerated<T>(grpc.loadPackageDefinition(definition));
}

/**
 * A definition built at run time (by loadPackageDefinition, by protoLoader,
 * or shipped untyped by a package such as grpc-health-check), as the type
 * generated for the same .proto. Nothing can check at compile time that a file
 * read at run time has the shape its generated type describes, so this cast is
 * the one place where we tell the compiler; generated/wire-agreement.test.ts
 * checks that the two agree for protos/, and each caller's tests make calls
 * through the result.
 */
export function asGenerated<T>(definition: grpc.GrpcObject | grpc.ServiceDefinition | protoLoader.AnyDefinition): T {
  return definition as unknown as T;
}
