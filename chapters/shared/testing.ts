// Test helpers for running a chapter's halves as separate processes, exactly
// as a learner does in two terminals.
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

/** `node --import tsx …args` from the repository root, so TypeScript files run directly. */
function startNode(args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

/**
 * Starts a server half on port 0 and waits until it says where it listens.
 * It is killed after `lifetimeMs` if still running (a benchmark may need longer than a test).
 */
export async function startServerScript(script: string, args: string[] = [], timeoutMs = 20_000, lifetimeMs = 60_000): Promise<ServerProcess> {
  const child = startNode([script, '--port', '0', ...args]);
  const result = collect(child, lifetimeMs);
  let seen = '';
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not say where it listens within ${timeoutMs} ms:\n${seen}`)), timeoutMs);
    child.stdout?.on('data', (chunk: string) => {
      seen += chunk;
      const match = /listening on (\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening:\n${seen}`)));
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
