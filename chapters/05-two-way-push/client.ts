// Chapter 05, client half: a worker that takes its tasks from a running
// Contact server, does them, acknowledges them, and reconnects when the server
// goes away. Stop the server while it runs and start it again: nothing is lost
// and nothing is done twice.
import { credentials } from '@grpc/grpc-js';
import { ContactClient } from '../../generated/static/contact_service.ts';
import { runClientSteps } from '../shared/chapter.ts';
import { DEFAULT_ADDRESS, orExitWithUsage, parseAddress, parseCommandLine } from '../shared/cli.ts';
import { parseClientIdFlag, parseWholeNumber } from './flags.ts';
import { reportStatuses } from './worker/status-channel.ts';
import { TaskWorker } from './task-worker.ts';
import { narrateWorker } from './tour/worker-narration.ts';

const usage = `Usage: npx tsx chapters/05-two-way-push/client.ts [--addr ${DEFAULT_ADDRESS}] [--id worker-1] [--tasks 3] [--retries 8]

Opens getTask as client --id, does each task pushed to it, acknowledges the
results with tellResult, and stops after --tasks tasks with a last word on
sendStatus. When the stream fails it reconnects with exponential backoff and
jitter, and gives up after --retries failures in a row (exit status 1).
Start the server first: npx tsx chapters/05-two-way-push/server.ts`;

const flags = parseCommandLine(usage, {
  addr: { type: 'string', default: DEFAULT_ADDRESS },
  id: { type: 'string', default: 'worker-1' },
  tasks: { type: 'string', default: '3' },
  retries: { type: 'string', default: '8' },
});
const { address, clientId, tasks, retries } = orExitWithUsage(usage, () => ({
  address: parseAddress(flags.addr),
  clientId: parseClientIdFlag(flags.id),
  tasks: parseWholeNumber('--tasks', flags.tasks, 1),
  retries: parseWholeNumber('--retries', flags.retries, 0),
}));

await runClientSteps(async (t) => {
  t.step(`${clientId} takes tasks from ${address} until it has done ${tasks}`);
  const worker = new TaskWorker({ address, clientId, work: ({ task }) => `done: ${task}`, maxRetries: retries });
  narrateWorker(worker, t);
  try {
    await new Promise<void>((resolve, reject) => {
      worker.on('processed', () => worker.processed >= tasks && resolve());
      worker.start().then(resolve, reject); // settles only if the worker gives up
    });
  } finally {
    const { processed, unconfirmed } = await worker.stop();
    t.step(`${clientId} stops: ${processed} tasks done, ${unconfirmed.length} results unconfirmed`);
  }
  const statusClient = new ContactClient(address, credentials.createInsecure());
  try {
    for (const answer of await reportStatuses(statusClient, clientId, ['leaving'])) t.note(`sendStatus ← ${answer}`);
  } finally {
    statusClient.close();
  }
});
