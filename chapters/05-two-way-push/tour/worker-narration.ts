// What a TaskWorker is doing, told in the transcript. Shared by the tour and
// the client half.
import { status } from '@grpc/grpc-js';
import { describeError } from '../../shared/client.ts';
import type { Transcript } from '../../shared/transcript.ts';
import type { TaskWorker } from '../task-worker.ts';

export interface WorkerTally {
  /** Tasks delivered again that the worker had already taken, and so skipped. */
  repeats: number;
}

export function narrateWorker(worker: TaskWorker, t: Transcript): WorkerTally {
  const tally: WorkerTally = { repeats: 0 };
  const who = worker.clientId;
  worker.on('subscribed', (stream) => t.note(`${who}: getTask stream ${stream} is open`));
  worker.on('delivered', (task, repeat) => {
    if (repeat) tally.repeats++;
    const remark = repeat ? ' again: already taken, so not done twice' : '';
    t.note(`${who} ← #${task.id} ${JSON.stringify(task.task)}${remark}`);
  });
  worker.on('confirmed', (ids) => t.note(`${who} → tellResult ${ids.map((id) => `#${id}`).join(', ')} ← OK: on the server's disk`));
  worker.on('acknowledgementFailed', (error, ids) =>
    t.note(`${who}: tellResult ${ids.map((id) => `#${id}`).join(', ')} failed (${describeError(error)}); kept to send again`),
  );
  worker.on('retrying', (error, delayMs, failures) => {
    const ending = error ? status[error.code] : 'ended by the server';
    t.note(`${who}: stream lost (${ending}); retry ${failures} in ${delayMs} ms`);
  });
  return tally;
}
