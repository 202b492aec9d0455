// Test helpers for running a chapter's halves as separate processes, exactly
// as a learner does in two terminals. The halves may be TypeScript (run by
// node with tsx) or any other program (chapter 12 runs Python and Go ones).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { REPO_ROOT } from './repo-files.ts';

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** `command …args` from the repository root, with its output piped to us. */
function start(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `node --import tsx …args`, so TypeScript files run directly. */
function startNode(args: string[], env?: NodeJS.ProcessEnv): ChildProcess {
  return start(process.execPath, ['--import', 'tsx', ...args], env);
}

async function collect(child: ChildProcess, timeoutMs: number): Promise<ProcessResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(killer);
  return { code, stdout, stderr };
}

/** Runs node with `args` to completion (or kills it after `timeoutMs`). */
export function runNode(args: string[], { timeoutMs = 20_000, env }: RunOptions = {}): Promise<ProcessResult> {
  return collect(startNode(args, env), timeoutMs);
}

/** Runs any program to completion (or kills it after `timeoutMs`). */
export function runProcess(command: string, args: string[], { timeoutMs = 20_000, env }: RunOptions = {}): Promise<ProcessResult> {
  return collect(start(command, args, env), timeoutMs);
}

/** Runs a script (path from the repository root) to completion. */
export function runScript(script: string, args: string[] = [], options?: RunOptions): Promise<ProcessResult> {
  return runNode([script, ...args], options);
}

export interface ServerProcess {
  /** host:port the server printed as "listening on …". */
  address: string;
  /** Resolves with the first match of `pattern` in the server's stdout so far or to come. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /**
   * Sends SIGINT, as Ctrl-C does (or `signal`: SIGTERM is what process
   * managers send), and waits for the process to end.
   */
  interrupt(signal?: NodeJS.Signals): Promise<ProcessResult>;
  /** Sends SIGKILL, as a crash does (no handler runs), and waits for the process to end. */
  kill(): Promise<ProcessResult>;
}

/** A server process a test forgot to stop still ends: after a minute, unless asked otherwise. */
const DEFAULT_LIFETIME_MS = 60_000;

export interface ServerScriptOptions extends RunOptions {
  /** 0 (the default) lets the OS pick; a test that restarts a server passes the old port. */
  port?: number;
  /** The server is killed after this long however it is doing (a benchmark's may need longer). */
  lifetimeMs?: number;
}

/**
 * Starts a server half (`script --port N …args`) and waits until it says where
 * it listens. `timeoutMs` bounds that wait.
 */
export function startServerScript(
  script: string,
  args: string[] = [],
  { timeoutMs = 20_000, env, port = 0, lifetimeMs = DEFAULT_LIFETIME_MS }: ServerScriptOptions = {},
): Promise<ServerProcess> {
  return waitUntilListening(startNode([script, '--port', String(port), ...args], env), script, timeoutMs, lifetimeMs);
}

/**
 * Starts any server program (its arguments should ask for port 0) and waits
 * until it prints "listening on host:port". `timeoutMs` bounds that wait.
 */
export function startServerProcess(
  command: string,
  args: string[],
  { timeoutMs = 20_000, env, lifetimeMs = DEFAULT_LIFETIME_MS }: Omit<ServerScriptOptions, 'port'> = {},
): Promise<ServerProcess> {
  return waitUntilListening(start(command, args, env), [command, ...args].join(' '), timeoutMs, lifetimeMs);
}

async function waitUntilListening(child: ChildProcess, label: string, timeoutMs: number, lifetimeMs = DEFAULT_LIFETIME_MS): Promise<ServerProcess> {
  const result = collect(child, lifetimeMs);
  let seen = '';
  child.stdout?.on('data', (chunk: string) => (seen += chunk));
  const waitForOutput = (pattern: RegExp, waitMs = timeoutMs) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(seen);
        if (!match) return;
        clearTimeout(timer);
        child.stdout?.off('data', check);
        child.off('exit', exited);
        resolve(match);
      };
      const exited = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`${label} exited with ${code} before printing ${pattern}:\n${seen}`));
      };
      const timer = setTimeout(() => {
        child.stdout?.off('data', check);
        child.off('exit', exited);
        reject(new Error(`${label} did not print ${pattern} within ${waitMs} ms:\n${seen}`));
      }, waitMs);
      child.stdout?.on('data', check);
      child.once('exit', exited);
      check();
    });
  // Up to the blank after the address: a chunk may end in the middle of it.
  const listening = await waitForOutput(/listening on (\S+)\s/).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    address: listening[1],
    waitForOutput,
    async interrupt(signal = 'SIGINT') {
      child.kill(signal);
      return result;
    },
    async kill() {
      child.kill('SIGKILL');
      return result;
    },
  };
}
