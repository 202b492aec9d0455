// `npm run generate`: rebuilds generated/ from protos/, the single source of truth.
//   generated/static        TypeScript message classes (google-protobuf runtime) and
//                           @grpc/grpc-js service definitions and clients, by buf + protoc-gen-ts
//   generated/proto-loader  types for loading protos/ at run time with @grpc/proto-loader,
//                           by proto-loader-gen-types
// Both tools install from the npm registry alone; nothing is downloaded at build time.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOADER_OPTIONS } from '../chapters/shared/proto-loader.ts';
import { filesUnder, REPO_ROOT } from '../chapters/shared/repo-files.ts';
const require = createRequire(import.meta.url);

export const GENERATED_FOLDERS = ['generated/static', 'generated/proto-loader'] as const;

/** Every .proto below protos/, as import paths ("hello.proto", "google/rpc/error_details.proto"). */
export function protoFiles(): string[] {
  return filesUnder('protos')
    .filter((name) => name.endsWith('.proto'))
    .map((name) => name.split(sep).join('/'))
    .sort();
}

/** Writes both kinds of stubs below `outRoot`/generated, replacing what was there. */
export function generate(outRoot: string = REPO_ROOT): void {
  for (const folder of GENERATED_FOLDERS) rmSync(join(outRoot, folder), { recursive: true, force: true });
  const run = (script: string, args: string[]) =>
    execFileSync(process.execPath, [require.resolve(script), ...args], { cwd: REPO_ROOT, stdio: 'inherit' });

  run('@bufbuild/buf/bin/buf', ['generate', '--template', 'protos/buf.gen.yaml', '--output', resolve(outRoot)]);
  run('@grpc/proto-loader/build/bin/proto-loader-gen-types.js', [
    ...loaderFlags(),
    '--grpcLib=@grpc/grpc-js',
    '--includeComments',
    '--includeDirs=protos',
    `--outDir=${join(resolve(outRoot), 'generated/proto-loader')}`,
    ...protoFiles(),
  ]);
}

/** LOADER_OPTIONS as flags, so the generated types describe what loadProto really returns. */
function loaderFlags(): string[] {
  const { keepCase, longs, enums, defaults, oneofs } = LOADER_OPTIONS;
  return [
    ...(keepCase ? ['--keepCase'] : []),
    `--longs=${longs.name}`,
    `--enums=${enums.name}`,
    ...(defaults ? ['--defaults'] : []),
    ...(oneofs ? ['--oneofs'] : []),
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  generate();
  console.log(`generated ${GENERATED_FOLDERS.join(' and ')} from ${protoFiles().length} files in protos/`);
}
