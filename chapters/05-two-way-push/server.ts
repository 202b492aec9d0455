// Chapter 05, server half: Contact, with its journal, until Ctrl-C.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runServerHalf } from '../shared/chapter.ts';
import { DEFAULT_PORT, orExitWithUsage, parseCommandLine, parsePort } from '../shared/cli.ts';
import { describeError } from '../shared/client.ts';
import { addContact, CONTACT_SERVER_OPTIONS, ContactService } from './contact-service.ts';
import { parseWholeNumber } from './flags.ts';
import { TaskStore } from './store/task-store.ts';

const DEFAULT_STATE = join(tmpdir(), 'grpc-workbook-05', 'journal.jsonl');

const usage = `Usage: npx tsx chapters/05-two-way-push/server.ts [--port ${DEFAULT_PORT}] [--state FILE] [--every MS]

Serves Contact (getTask, tellResult, sendStatus) on localhost until Ctrl-C.
Every client has its own task queue, kept with every result in the journal
FILE (default ${DEFAULT_STATE}), so a restarted server
carries on where it stopped. While a client's getTask stream is open, the
server makes up a task for it every MS milliseconds (default 1000; 0: never).
In another terminal: npx tsx chapters/05-two-way-push/client.ts --addr localhost:${DEFAULT_PORT}`;

const flags = parseCommandLine(usage, {
  port: { type: 'string', default: String(DEFAULT_PORT) },
  state: { type: 'string', default: DEFAULT_STATE },
  every: { type: 'string', default: '1000' },
});
const { port, generateEveryMs } = orExitWithUsage(usage, () => ({
  port: parsePort(flags.port),
  generateEveryMs: parseWholeNumber('--every', flags.every, 0),
}));

let store: TaskStore | undefined;
try {
  store = await TaskStore.open(flags.state);
} catch (error) {
  console.error(`could not open the journal: ${describeError(error)}`);
  process.exitCode = 1;
}
if (store) {
  const { clients, tasks, results } = store.counts();
  console.log(`journal ${store.path} replayed: clients ${clients}, tasks ${tasks}, results ${results}`);
  const service = new ContactService(store, { generateEveryMs });
  await runServerHalf({
    usage,
    name: 'Contact',
    port,
    addServices: (server) => addContact(server, service),
    serverOptions: CONTACT_SERVER_OPTIONS,
    beforeStop: () => service.close(),
  });
  await store.close();
}
