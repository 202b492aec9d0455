// The Python and Go toolchains the peers need, where they are, and what a test
// does on a machine without them. The workbook's own set-up stays
// `npm install && npm test`: without the Debian packages, the interop tests
// are skipped with one line saying how to enable them. Under CI they must be
// there (.ci/run installs them), so a missing one fails the run instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { REPO_ROOT } from '../../shared/repo-files.ts';

export const CHAPTER_DIR = 'chapters/12-python-and-go-peers';

/**
 * Debian's python3, which sees Debian's grpcio, grpc_tools and numpy. A
 * python3 found earlier on PATH (pyenv, a virtualenv) may not have them.
 */
export const PYTHON = '/usr/bin/python3';

/** Where Debian installs Go libraries: GOPATH source trees (grpc-go 1.33, protobuf-go 1.28). */
export const DEBIAN_GOCODE = '/usr/share/gocode';

export const SETUP_HINT = 'interop peers missing: run `npm run setup:interop` (Debian/Ubuntu, needs apt-get) to enable';

/** The environment for building the Go clients: GOPATH mode, offline, no C compiler needed. */
export function goEnvironment(gocache: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GO111MODULE: 'off', // Debian's libraries are GOPATH trees, not modules
    GOPATH: [join(REPO_ROOT, CHAPTER_DIR, 'go'), join(REPO_ROOT, 'generated/go'), DEBIAN_GOCODE].join(delimiter),
    GOCACHE: gocache,
    GOFLAGS: '',
    GOPROXY: 'off', // never download: everything comes from the three GOPATH entries
    CGO_ENABLED: '0',
  };
}

// Each check names the Debian package that provides what is missing.
const PYTHON_MODULES: Record<string, string> = {
  grpc: 'python3-grpcio',
  grpc_tools: 'python3-grpc-tools',
  pkg_resources: 'python3-pkg-resources', // grpc_tools.protoc imports it; Debian's package does not say so
  numpy: 'python3-numpy',
};
const GO_LIBRARIES: Record<string, string> = {
  'google.golang.org/grpc': 'golang-google-grpc-dev',
  'google.golang.org/protobuf': 'golang-google-protobuf-dev',
  // grpc-go 1.33 marshals through github.com/golang/protobuf. Debian has two
  // generations of it; only 1.4 and later (here 1.5, which has registry.go)
  // understand the messages protoc-gen-go 1.28 writes. With 1.3 the clients
  // build, then panic on the first reply.
  'github.com/golang/protobuf/proto/registry.go': 'golang-github-golang-protobuf-1-5-dev',
};
const GO_PLUGINS = ['protoc-gen-go', 'protoc-gen-go-grpc'];

function missingPythonModules(): string[] {
  if (!existsSync(PYTHON)) return Object.values(PYTHON_MODULES).map((pkg) => `${pkg} (no ${PYTHON})`);
  // find_spec locates a module without running it: much faster than importing numpy and grpc.
  const script = `
import importlib.util
for name in ${JSON.stringify(Object.keys(PYTHON_MODULES))}:
    if importlib.util.find_spec(name) is None:
        print(name)`;
  const result = spawnSync(PYTHON, ['-c', script], { encoding: 'utf8' });
  const missing = result.status === 0 ? result.stdout.split('\n').filter(Boolean) : Object.keys(PYTHON_MODULES);
  return missing.map((name) => `${PYTHON_MODULES[name]} (import ${name})`);
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((folder) => folder !== '' && existsSync(join(folder, command)));
}

let memo: string[] | undefined;

/** What this machine lacks to run and regenerate the peers, as "package (what)" items; empty when ready. */
export function missingPeerTools(): string[] {
  memo ??= [
    ...missingPythonModules(),
    ...(onPath('go') ? [] : ['golang-go (go)']),
    ...Object.entries(GO_LIBRARIES)
      .filter(([path]) => !existsSync(join(DEBIAN_GOCODE, 'src', path)))
      .map(([path, pkg]) => `${pkg} (${DEBIAN_GOCODE}/src/${path})`),
    ...GO_PLUGINS.filter((plugin) => !onPath(plugin)).map((plugin) => `${plugin} (${plugin})`),
  ];
  return memo;
}

/**
 * node:test's `skip` option for a test that needs the peers: the one-line
 * hint when they are missing, or false to run the test. Under CI=true it is
 * always false: there the test runs, and `requirePeers` fails it.
 */
export function peerSkip(missing: readonly string[] = missingPeerTools(), env: NodeJS.ProcessEnv = process.env): string | false {
  return missing.length > 0 && env.CI !== 'true' ? SETUP_HINT : false;
}

/** Throws, listing what is missing, unless every peer tool is here. */
export function requirePeers(missing: readonly string[] = missingPeerTools()): void {
  if (missing.length > 0) {
    throw new Error(`interop peers missing (${missing.join(', ')}); under CI, .ci/run installs them`);
  }
}
