// A test host: one process that runs test files one after another, each as a
// suite named after its file. Node 20's `node --test` starts a process per
// file, and with tsx each start costs about half a second of CPU before a test
// runs; the workbook has a hundred and more test files to run, so a few hosts
// share those start-ups (test-hosts.ts starts them and hands out the files).
//
// Files in one host share a process, so a file that leaves something running
// (a socket, a server, a child process) could disturb the next one. After each
// file the host looks; if anything is still open it says so and takes no more
// files, and the next file goes to a fresh host.
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import type { FileDone, HostRequest } from './test-hosts.ts';

/** What a finished file may leave behind without disturbing the next: the host's own channel to its parent, and its output. */
const HOST_RESOURCES = new Set(['PipeWrap', 'TTYWrap', 'FSReqCallback', 'FileHandle', 'Timeout', 'Immediate']);
/** A closed socket goes within a few ticks; a file is left running only if it stays this long. */
const SETTLE_MS = 500;

function leftRunning(): string[] {
  return process.getActiveResourcesInfo().filter((resource) => !HOST_RESOURCES.has(resource));
}

async function leftRunningAfterSettling(): Promise<string[]> {
  for (const started = Date.now(); Date.now() - started < SETTLE_MS; await sleep(10)) {
    if (leftRunning().length === 0) return [];
  }
  return leftRunning();
}

function runJob({ file, label, env = {}, timeoutMs }: HostRequest): void {
  describe(label, { timeout: timeoutMs }, async () => {
    const before = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
    Object.assign(process.env, env);
    try {
      await import(pathToFileURL(file).href);
    } catch (error) {
      test('loads', () => {
        throw error;
      });
    }
    // While the file's tests run, only what they started keeps the host
    // alive, as under `node --test`: a test awaiting something that nothing
    // can bring about any more is cancelled when the event loop runs dry, not
    // left hanging. The host then ends with that file; the next goes to a
    // fresh one.
    process.channel?.unref();
    // Registered after the file's own hooks, so it runs after them: by then
    // the file has stopped whatever it started.
    after(async () => {
      process.channel?.ref();
      for (const [name, value] of Object.entries(before)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      const done: FileDone = { label, leftRunning: await leftRunningAfterSettling(), ranDry };
      process.send?.(done);
    });
  });
}

/** Once the event loop has run dry, node:test has ended its run: this host can take no more files. */
let ranDry = false;
process.once('beforeExit', () => (ranDry = true));
process.on('message', (request: HostRequest) => runJob(request));
