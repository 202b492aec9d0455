// A client for grpc.health.v1.Health: Check asks once, Watch streams every
// change. Watch is what a load balancer uses: it learns of NOT_SERVING the
// moment the server says it, instead of at its next poll.
import * as grpc from '@grpc/grpc-js';
import { service } from 'grpc-health-check';
import type { HealthDefinition } from 'grpc-health-check/build/src/generated/grpc/health/v1/Health';
import type { HealthCheckResponse__Output } from 'grpc-health-check/build/src/generated/grpc/health/v1/HealthCheckResponse';
import { deadlineIn } from '../../shared/client.ts';
import { asGenerated } from '../../shared/proto-loader.ts';
import { callMethod, openServerStream } from './method-calls.ts';

/**
 * grpc-health-check exports its service definition as a plain
 * ServiceDefinition; the types it generated for it say what each method
 * takes and returns, and asGenerated (the workbook's one such cast) applies them.
 */
export const Health = asGenerated<HealthDefinition>(service);

/** SERVING, NOT_SERVING, UNKNOWN, or SERVICE_UNKNOWN (Watch on a name the server does not know). */
export type HealthStatus = HealthCheckResponse__Output['status'];

export function healthClient(address: string, options?: grpc.ChannelOptions): grpc.Client {
  return new grpc.Client(address, grpc.credentials.createInsecure(), options);
}

/** The status of `service` now; NOT_FOUND for a name the server does not know. */
export async function checkHealth(client: grpc.Client, service: string, options?: grpc.CallOptions): Promise<HealthStatus> {
  return (await callMethod(client, Health.Check, { service }, options)).status;
}

/** A Watch call: the current status at once, then one message per change. */
export class HealthWatch {
  readonly call: grpc.ClientReadableStream<HealthCheckResponse__Output>;
  readonly #replies: AsyncIterator<HealthCheckResponse__Output>;

  constructor(client: grpc.Client, service: string, deadline: Date = deadlineIn(10_000)) {
    this.call = openServerStream(client, Health.Watch, { service }, { deadline });
    this.#replies = this.call[Symbol.asyncIterator]();
  }

  /** The next status the server sends; rejects with the call's status if the stream fails. */
  async next(): Promise<HealthStatus> {
    const { done, value } = await this.#replies.next();
    if (done) throw new Error('the server ended the Watch stream');
    return value.status;
  }

  /** Ends the watch from our side (the server sees the call cancelled). */
  cancel(): void {
    this.call.cancel();
  }
}
