// `npm run generate:peers`: the Python and Go code for this chapter's peers,
// made from the same protos/ as generated/static, and committed like it:
//   generated/python   hello_pb2.py, hello_pb2_grpc.py, … by grpc_tools.protoc
//   generated/go/src   workbook/pb/<name>/*.pb.go, by buf with protoc-gen-go and protoc-gen-go-grpc
// It needs the Debian toolchain (npm run setup:interop); `npm run generate`,
// which the rest of the workbook uses, does not.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROTOS_DIR } from '../../shared/proto-loader.ts';
import { REPO_ROOT } from '../../shared/repo-files.ts';
import { PYTHON } from './toolchain.ts';
const require = createRequire(import.meta.url);

/**
 * The protos that have Python or Go peers, and the Go import path each one
 * becomes. protos/ has no `go_package` options (they would mean nothing to
 * the other languages), so the Go plugins get the mapping as M options.
 */
export const PEER_PROTOS = {
  'hello.proto': 'workbook/pb/helloworld',
  'users.proto': 'workbook/pb/users',
  'outliers.proto': 'workbook/pb/outliers',
  'gcn.proto': 'workbook/pb/gcn',
  // The original tutorials' other services, which their Python clients call.
  'calculator.proto': 'workbook/pb/calculator',
  'compute.proto': 'workbook/pb/compute',
  'route_guide.proto': 'workbook/pb/routeguide',
  'contact_service.proto': 'workbook/pb/contact',
} as const;

export const PEER_GENERATED_FOLDERS = ['generated/python', 'generated/go'] as const;

/** Records which tools made the committed code; the drift test compares only against the same tools. */
export const TOOLCHAIN_FILE = 'generated/peer-toolchain.txt';

/** The buf template for Go, written out here so that the M options come from PEER_PROTOS. */
function goTemplate(): string {
  const opt = Object.entries(PEER_PROTOS).map(([file, importPath]) => `M${file}=${importPath}`);
  return JSON.stringify({
    version: 'v2',
    inputs: [{ directory: 'protos', paths: Object.keys(PEER_PROTOS).map((file) => `protos/${file}`) }],
    plugins: [
      { local: 'protoc-gen-go', out: 'generated/go/src', opt },
      { local: 'protoc-gen-go-grpc', out: 'generated/go/src', opt },
    ],
  });
}

/** One line per tool, e.g. "protoc-gen-go v1.28.1". */
export function toolchainVersions(): string {
  const version = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' }).trim();
  return [
    `grpc_tools.protoc ${version(PYTHON, ['-m', 'grpc_tools.protoc', '--version'])}`,
    version('protoc-gen-go', ['--version']),
    version('protoc-gen-go-grpc', ['--version']),
  ].join('\n');
}

/** Writes the peers' generated code below `outRoot`, replacing what was there. */
export function generatePeers(outRoot: string = REPO_ROOT): void {
  const out = resolve(outRoot);
  for (const folder of PEER_GENERATED_FOLDERS) rmSync(join(out, folder), { recursive: true, force: true });
  mkdirSync(join(out, 'generated/python'), { recursive: true });

  // Run from protos/ with bare file names, as the original tutorials do, so
  // the modules are hello_pb2.py (not protos/hello_pb2.py) and import each other by that name.
  execFileSync(
    PYTHON,
    ['-m', 'grpc_tools.protoc', '-I.', `--python_out=${join(out, 'generated/python')}`, `--grpc_python_out=${join(out, 'generated/python')}`, ...Object.keys(PEER_PROTOS)],
    { cwd: PROTOS_DIR, stdio: 'inherit' },
  );
  execFileSync(process.execPath, [require.resolve('@bufbuild/buf/bin/buf'), 'generate', '--template', goTemplate(), '--output', out], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  writeFileSync(
    join(out, TOOLCHAIN_FILE),
    `# Made by npm run generate:peers with these tools. Other versions write other code.\n${toolchainVersions()}\n`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  generatePeers();
  console.log(`generated ${PEER_GENERATED_FOLDERS.join(' and ')} from ${Object.keys(PEER_PROTOS).join(', ')}`);
}
