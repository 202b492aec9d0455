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
  /** Sends SIGINT, as Ctrl-C does, and waits for the process to end. */
  interrupt(): Promise<ProcessResult>;
}

/** Starts a server half on port 0 and waits until it says where it listens. */
export function startServerScript(script: string, args: string[] = [], timeoutMs = 20_000): Promise<ServerProcess> {
  return waitUntilListening(startNode([script, '--port', '0', ...args]), script, timeoutMs);
}

/**
 * Starts any server program (its arguments should ask for port 0) and waits
 * until it prints "listening on host:port". `timeoutMs` bounds that wait.
 */
export function startServerProcess(command: string, args: string[], { timeoutMs = 20_000, env }: RunOptions = {}): Promise<ServerProcess> {
  return waitUntilListening(start(command, args, env), [command, ...args].join(' '), timeoutMs);
}

async function waitUntilListening(child: ChildProcess, label: string, timeoutMs: number): Promise<ServerProcess> {
  const result = collect(child, 60_000);
  let seen = '';
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} did not say where it listens within ${timeoutMs} ms:\n${seen}`)), timeoutMs);
    child.stdout?.on('data', (chunk: string) => {
      seen += chunk;
      // Up to the blank after the address: a chunk may end in the middle of it.
      const match = /listening on (\S+)\s/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`${label} exited with ${code} before listening:\n${seen}`)));
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    address,
    async interrupt() {
      child.kill('SIGINT');
      return result;
    },
  };
}
