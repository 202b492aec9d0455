// Near-miss for exercise 10-A: the reference solution, except that it leaves the Watch stream open.
// The exercise's test must fail against it (the workbook checks that it does).
import type { Client } from '@grpc/grpc-js';
import { deadlineIn } from '../../../shared/client.ts';
import { HealthWatch } from '../../health-client.ts';

export async function waitUntilServing(client: Client, service: string, timeoutMs: number): Promise<void> {
  const watch = new HealthWatch(client, service, deadlineIn(timeoutMs));
  try {
    // Bounded by the deadline: at timeoutMs, next() rejects with DEADLINE_EXCEEDED.
    while ((await watch.next()) !== 'SERVING');
  } finally {
  }
}
