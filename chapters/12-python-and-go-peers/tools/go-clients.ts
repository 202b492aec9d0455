// Builds the Go clients, and the one Go server (outliers-server, which
// compare-outliers.ts times against the TypeScript and Python ones). Go's own build cache decides what is stale, so after
// the first build (tens of seconds: grpc-go compiles from source) a build
// that changes nothing takes a fraction of a second. The cache and the
// binaries live in the system's temp folder, never in the repository.
// Run directly, this file builds them ahead of time.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../shared/repo-files.ts';
import { goEnvironment } from './toolchain.ts';

export const GO_CLIENTS = ['greeter-client', 'users-client', 'outliers-client', 'gcn-client'] as const;
export type GoClient = (typeof GO_CLIENTS)[number];
export const GO_SERVERS = ['outliers-server'] as const;
export type GoServer = (typeof GO_SERVERS)[number];

const WORK_DIR = join(tmpdir(), 'grpc-workbook-go');
// One binary folder per checkout, so two clones never overwrite each other's clients.
const BIN_DIR = join(WORK_DIR, `bin-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12)}`);

let built: Promise<string> | undefined;

/** Builds every Go client and server (once per process) and returns the folder that holds the binaries. */
export function buildGoClients(): Promise<string> {
  built ??= (async () => {
    mkdirSync(BIN_DIR, { recursive: true });
    const packages = [...GO_CLIENTS, ...GO_SERVERS].map((name) => `workbook/peers/${name}`);
    // A trailing slash on -o: one binary per package, named after it.
    await promisify(execFile)('go', ['build', '-o', `${BIN_DIR}/`, ...packages], {
      cwd: REPO_ROOT,
      env: goEnvironment(join(WORK_DIR, 'cache')),
      timeout: 600_000,
    });
    return BIN_DIR;
  })();
  return built;
}

export async function goClientBinary(client: GoClient): Promise<string> {
  return join(await buildGoClients(), client);
}

export async function goServerBinary(server: GoServer): Promise<string> {
  return join(await buildGoClients(), server);
}

// `npx tsx chapters/12-python-and-go-peers/tools/go-clients.ts` builds ahead of time,
// as .ci/run and setup-interop.sh do, so that no test waits for the first build.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  console.log(`built ${[...GO_CLIENTS, ...GO_SERVERS].join(', ')} into ${await buildGoClients()} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
