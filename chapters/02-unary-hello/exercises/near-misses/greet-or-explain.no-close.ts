// Near-miss for exercise 02-B: the reference solution, except that it never closes the client.
// The exercise's test must fail against it (the workbook checks that it does).
import { status } from '@grpc/grpc-js';
import { isServiceError } from '../../../shared/client.ts';
import { staticGreeterCalls } from '../../greeter-clients.ts';

export type GreetOutcome = { ok: true; message: string } | { ok: false; status: string; explanation: string };

export async function greetOrExplain(address: string, name: string, timeoutMs: number): Promise<GreetOutcome> {
  const client = staticGreeterCalls(address);
  try {
    const message = await client.sayHello(name, { deadline: new Date(Date.now() + timeoutMs) });
    return { ok: true, message };
  } catch (error) {
    if (!isServiceError(error)) throw error; // not a gRPC failure: a bug, let it surface
    const explanations: Partial<Record<status, string>> = {
      [status.DEADLINE_EXCEEDED]: `no answer within ${timeoutMs} ms`,
      [status.UNAVAILABLE]: `no server at ${address}`,
      [status.INVALID_ARGUMENT]: `refused: ${error.details}`,
    };
    return { ok: false, status: status[error.code], explanation: explanations[error.code] ?? error.details };
  }
}
