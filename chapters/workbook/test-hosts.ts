// Runs test files in a few test hosts (test-host.ts) at a time, handing each
// host its next file as soon as it finishes one, so a slow file never holds
// up the rest. A host that reports something left running after a file takes
// no more: the next file goes to a fresh host. So does a file a host has run
// before (the exercise check runs each exercise test in several jobs): a
// module runs once per process.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** One test file to run, and under what name its results are reported. */
export interface HostJob {
  /** Absolute path. */
  file: string;
  /** The name of the suite the file's tests run in. */
  label: string;
  /** Set in the host's environment while the file runs. */
  env?: Record<string, string>;
}

/** What the parent asks of a host: run this job, within this long. */
export interface HostRequest extends HostJob {
  timeoutMs: number;
}

/** What a host answers when a job is done. */
export interface FileDone {
  label: string;
  /** What the file left open (resource types, as process.getActiveResourcesInfo() names them); empty when nothing. */
  leftRunning: string[];
  /** The host's event loop ran dry during the file (a test awaited what nothing could bring about): the host is ending. */
  ranDry: boolean;
}

export interface HostOutput {
  /** The host's output, as its reporter wrote it. */
  stdout: NodeJS.ReadableStream;
  /** Resolves when the host has ended, with its exit code. */
  exited: Promise<number | null>;
}

export interface HostRunOptions {
  jobs: HostJob[];
  /** How many hosts run at once. */
  hosts: number;
  /** A node:test reporter, as --test-reporter takes it ("spec", or a module's URL). */
  reporter: string;
  /** Every file gets this long; a file that runs over fails, and its host takes no more. */
  fileTimeoutMs: number;
  cwd: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Called for each host as it starts, to read its output. */
  onHost(host: HostOutput): void;
  /** Called when a job leaves something running in its host. */
  onLeftRunning?(job: HostJob, leftRunning: string[]): void;
  /** Called when a host ends in the middle of a job. */
  onHostEnded?(job: HostJob, code: number | null): void;
}

const HOST = fileURLToPath(new URL('./test-host.ts', import.meta.url));
/** A host whose files are done but that does not exit (something a test started still runs) is stopped after this long. */
const EXIT_GRACE_MS = 10_000;

function startHost(options: HostRunOptions): ChildProcess {
  // NODE_TEST_CONTEXT marks a process that `node --test` started; a host that
  // inherits it would report to that runner instead of to its own reporter.
  const { NODE_TEST_CONTEXT: _, ...env } = options.env ?? process.env;
  return fork(HOST, [], {
    cwd: options.cwd,
    env,
    execArgv: ['--import', 'tsx', `--test-reporter=${options.reporter}`, '--test-reporter-destination=stdout'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    signal: options.signal,
  });
}

/** Runs every job, in order; resolves true when every host exited 0 (node:test exits 1 when a test failed). */
export async function runInHosts(options: HostRunOptions): Promise<boolean> {
  const queue = [...options.jobs];
  let allPassed = true;

  const runHost = async (): Promise<void> => {
    while (queue.length > 0 && !options.signal?.aborted) {
      const host = startHost(options);
      // Its output read to the end and the process gone: 'close' does not come for a forked host here.
      const exited = Promise.all([once(host, 'exit'), once(host.stdout!, 'end')]).then(([[code]]) => code as number | null, () => null);
      options.onHost({ stdout: host.stdout!, exited });
      const ran = new Set<string>();
      for (;;) {
        const next = queue.findIndex((job) => !ran.has(job.file));
        if (next < 0 || options.signal?.aborted) break;
        const [job] = queue.splice(next, 1);
        ran.add(job.file);
        const request: HostRequest = { ...job, timeoutMs: options.fileTimeoutMs };
        host.send(request);
        const answer = await Promise.race([once(host, 'message').then(([done]) => done as FileDone), exited.then(() => undefined)]);
        if (!answer) {
          options.onHostEnded?.(job, await exited);
          break;
        }
        if (answer.leftRunning.length > 0) {
          options.onLeftRunning?.(job, answer.leftRunning);
          break;
        }
        if (answer.ranDry) break;
      }
      if (host.connected) host.disconnect();
      const killer = setTimeout(() => host.kill('SIGKILL'), EXIT_GRACE_MS);
      const code = await exited;
      clearTimeout(killer);
      if (code !== 0) allPassed = false;
    }
  };

  await Promise.all(Array.from({ length: Math.max(1, options.hosts) }, runHost));
  return allPassed && !options.signal?.aborted;
}
