// Exercise 10-A, a solution: one Watch, read until SERVING or the deadline.
import type { Client } from '@grpc/grpc-js';
import { deadlineIn } from '../../../shared/client.ts';
import { HealthWatch } from '../../inspection/health-client.ts';

export async function waitUntilServing(client: Client, service: string, timeoutMs: number): Promise<void> {
  const watch = new HealthWatch(client, service, deadlineIn(timeoutMs));
  try {
    // Bounded by the deadline: at timeoutMs, next() rejects with DEADLINE_EXCEEDED.
    while ((await watch.next()) !== 'SERVING');
  } finally {
    watch.cancel();
  }
}
