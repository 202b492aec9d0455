// Near-miss for exercise 11-B: the reference solution, except that it does not wait for the server to be ready.
// The exercise's test must fail against it (the workbook checks that it does).
import { Metadata } from '@grpc/grpc-js';
import { deadlineIn } from '../../../shared/client.ts';
import { openFleetGreeter } from '../../fleet-client.ts';

export async function greetWhenUp(address: string, name: string, timeoutMs: number): Promise<string> {
  const client = openFleetGreeter(address);
  try {
    const answer = await client.greet(name, { deadline: deadlineIn(timeoutMs), metadata: new Metadata() });
    return answer.message;
  } finally {
    client.close();
  }
}
