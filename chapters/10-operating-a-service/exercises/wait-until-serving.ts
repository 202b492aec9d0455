// Exercise 10-A: wait until a service is ready.
//
// A client that starts together with its server (a deployment, a test) must
// not call MyService before MyService can answer. Implement
// waitUntilServing(client, service, timeoutMs): resolve once the server
// reports `service` as SERVING.
//   - Use Health.Watch (HealthWatch in ../inspection/health-client.ts), not repeated
//     Checks: the server tells you the moment the status changes.
//   - Already SERVING: resolve at once. NOT_SERVING, or SERVICE_UNKNOWN (a
//     name the server may learn later): keep waiting.
//   - Not SERVING within timeoutMs: reject with the Watch's own status,
//     DEADLINE_EXCEEDED.
//   - Either way, leave no Watch open on the server: cancel it before you
//     return. (An open Watch never ends by itself.)
//
// Check your work: npm run exercises -- 10
import type { Client } from '@grpc/grpc-js';
import { checkHealth } from '../inspection/health-client.ts';

export async function waitUntilServing(client: Client, service: string, timeoutMs: number): Promise<void> {
  // TODO: one Check only sees the status of this instant. Watch instead.
  void timeoutMs;
  const status = await checkHealth(client, service);
  if (status !== 'SERVING') throw new Error(`${service} is ${status}`);
}
