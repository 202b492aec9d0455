// Exercise 05-B: reconnect with backoff.
//
// collectTasks(options) keeps a getTask stream open as `clientId` until
// `count` different tasks have arrived, and resolves with them in id order.
// Right now it opens one stream and gives up when that stream fails. Make it
// come back:
//   - When the stream ends with UNAVAILABLE or CANCELLED (what a client sees
//     when the server goes down), wait backoffDelay(failures, policy, random)
//     milliseconds (../worker/backoff.ts), calling onWait with that number first,
//     then open a new stream. `failures` counts failed streams in a row from
//     0, and goes back to 0 when a stream opens (its 'metadata' event).
//   - After `maxRetries` failures in a row, reject with the last error.
//   - Any other status: reject at once, without waiting.
//   - A task you already have may come again on a new stream (nobody
//     acknowledged it): keep one of each id, and call onTask once per id.
// Every stream carries a deadline; close the client before you return.
//
// Check your work: npm run exercises -- 05
import { credentials, type ServiceError } from '@grpc/grpc-js';
import { ContactClient, Empty, type ServerMsg } from '../../../generated/static/contact_service.ts';
import { deadlineIn } from '../../shared/client.ts';
import type { BackoffPolicy } from '../worker/backoff.ts';
import { clientIdMetadata } from '../client-id.ts';
import type { Task } from '../store/task-store.ts';
import { workerChannelOptions } from '../task-worker.ts';

export interface CollectOptions {
  address: string;
  clientId: string;
  count: number;
  policy: BackoffPolicy;
  random: () => number;
  maxRetries: number;
  /** Called with each wait, before waiting. */
  onWait?: (delayMs: number) => void;
  /** Called once for each new task. */
  onTask?: (task: Task) => void;
}

export async function collectTasks({ address, clientId, count, policy, onTask }: CollectOptions): Promise<Task[]> {
  // The channel's own reconnect backoff follows the policy too (see the lesson).
  const client = new ContactClient(address, credentials.createInsecure(), workerChannelOptions(policy));
  const tasks = new Map<number, Task>();
  try {
    // TODO: open the stream again after UNAVAILABLE or CANCELLED, with backoff.
    await new Promise<void>((resolve, reject) => {
      const call = client.getTask(new Empty(), clientIdMetadata(clientId), { deadline: deadlineIn(30_000) });
      call.on('data', ({ id, task }: ServerMsg) => {
        if (tasks.has(id)) return;
        tasks.set(id, { id, task });
        onTask?.({ id, task });
        if (tasks.size === count) {
          call.cancel();
          resolve();
        }
      });
      call.on('error', (error: ServiceError) => tasks.size < count && reject(error));
    });
    return [...tasks.values()].sort((a, b) => a.id - b.id);
  } finally {
    client.close();
  }
}
