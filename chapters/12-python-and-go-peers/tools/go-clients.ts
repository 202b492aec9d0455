// Builds the Go clients, and the one Go server (outliers-server, which
// compare-outliers.ts times against the TypeScript and Python ones). Go's own build cache decides what is stale, so after
// the first build (tens of seconds: grpc-go compiles from source) a build
// that changes nothing takes about a second, most of it Go hashing grpc-go's
// sources. A stamp beside the binaries skips even that while nothing they
// are built from has changed: our Go sources, the generated stubs, and the
// Debian packages (dpkg's status file changes with every apt-get install).
// The cache and the binaries live in the system's temp folder, never in the
// repository. Run directly, this file builds them ahead of time.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { filesUnder, REPO_ROOT } from '../../shared/repo-files.ts';
import { CHAPTER_DIR, goEnvironment } from './toolchain.ts';

export const GO_CLIENTS = ['greeter-client', 'users-client', 'outliers-client', 'gcn-client'] as const;
export type GoClient = (typeof GO_CLIENTS)[number];
export const GO_SERVERS = ['outliers-server'] as const;
export type GoServer = (typeof GO_SERVERS)[number];

const WORK_DIR = join(tmpdir(), 'grpc-workbook-go');
// One binary folder per checkout, so two clones never overwrite each other's clients.
const BIN_DIR = join(WORK_DIR, `bin-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12)}`);

const STAMP = join(BIN_DIR, 'built-from');
const DPKG_STATUS = '/var/lib/dpkg/status';

/** What the binaries are built from, as one hash; undefined where there is no dpkg to say which Go and grpc-go are installed. */
function buildInputs(): string | undefined {
  if (!existsSync(DPKG_STATUS)) return undefined;
  const hash = createHash('sha256').update(String(statSync(DPKG_STATUS).mtimeMs));
  for (const folder of [join(CHAPTER_DIR, 'go'), 'generated/go']) {
    for (const file of filesUnder(folder)) hash.update(file).update(readFileSync(join(REPO_ROOT, folder, file)));
  }
  return hash.digest('hex');
}

let built: Promise<string> | undefined;

/** Builds every Go client and server (once per process, and only when their inputs changed) and returns the folder that holds the binaries. */
export function buildGoClients(): Promise<string> {
  built ??= (async () => {
    mkdirSync(BIN_DIR, { recursive: true });
    const names = [...GO_CLIENTS, ...GO_SERVERS];
    const inputs = buildInputs();
    const upToDate = inputs !== undefined && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === inputs && names.every((name) => existsSync(join(BIN_DIR, name)));
    if (upToDate) return BIN_DIR;
    const packages = names.map((name) => `workbook/peers/${name}`);
    // A trailing slash on -o: one binary per package, named after it.
    await promisify(execFile)('go', ['build', '-o', `${BIN_DIR}/`, ...packages], {
      cwd: REPO_ROOT,
      env: goEnvironment(join(WORK_DIR, 'cache')),
      timeout: 600_000,
    });
    if (inputs !== undefined) writeFileSync(STAMP, inputs);
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
