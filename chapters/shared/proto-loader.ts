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
 * ProtoGrpcType generated for that file. loadPackageDefinition cannot know the
 * shape of a file it reads at run time, so this cast is the one place where we
 * tell the compiler; the wire-agreement test checks that the two agree.
 */
export function loadProto<T>(file: string): T {
  const definition = protoLoader.loadSync(file, { ...LOADER_OPTIONS, includeDirs: [PROTOS_DIR] });
  return grpc.loadPackageDefinition(definition) as unknown as T;
}
