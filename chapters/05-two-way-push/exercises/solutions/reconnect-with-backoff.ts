// Reference solution for exercise 05-B.
import { setTimeout as sleep } from 'node:timers/promises';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { ContactClient, Empty, type ServerMsg } from '../../../../generated/static/contact_service.ts';
import { deadlineIn } from '../../../shared/client.ts';
import { backoffDelay, type BackoffPolicy } from '../../worker/backoff.ts';
import { clientIdMetadata } from '../../client-id.ts';
import type { Task } from '../../store/task-store.ts';
import { workerChannelOptions } from '../../task-worker.ts';

export interface CollectOptions {
  address: string;
  clientId: string;
  count: number;
  policy: BackoffPolicy;
  random: () => number;
  maxRetries: number;
  onWait?: (delayMs: number) => void;
  onTask?: (task: Task) => void;
}

const RETRYABLE = new Set([status.UNAVAILABLE, status.CANCELLED]);

export async function collectTasks({ address, clientId, count, policy, random, maxRetries, onWait, onTask }: CollectOptions): Promise<Task[]> {
  const client = new ContactClient(address, credentials.createInsecure(), workerChannelOptions(policy));
  const tasks = new Map<number, Task>();
  let failures = 0;
  try {
    while (tasks.size < count) {
      // One stream: null when we have enough, else the error that ended it.
      const error = await new Promise<ServiceError | null>((resolve) => {
        const call = client.getTask(new Empty(), clientIdMetadata(clientId), { deadline: deadlineIn(30_000) });
        call.on('metadata', () => (failures = 0));
        call.on('data', ({ id, task }: ServerMsg) => {
          if (tasks.has(id)) return;
          tasks.set(id, { id, task });
          onTask?.({ id, task });
          if (tasks.size === count) {
            call.cancel();
            resolve(null);
          }
        });
        call.on('error', (error: ServiceError) => resolve(tasks.size < count ? error : null));
      });
      if (!error) break;
      if (!RETRYABLE.has(error.code) || failures >= maxRetries) throw error;
      const delayMs = backoffDelay(failures, policy, random);
      failures++;
      onWait?.(delayMs);
      await sleep(delayMs);
    }
    return [...tasks.values()].sort((a, b) => a.id - b.id);
  } finally {
    client.close();
  }
}
