// Exercise 11-B, a solution: waitForReady, a deadline, and a finally.
import { Metadata } from '@grpc/grpc-js';
import { deadlineIn } from '../../../shared/client.ts';
import { openFleetGreeter } from '../../fleet-client.ts';

export async function greetWhenUp(address: string, name: string, timeoutMs: number): Promise<string> {
  const client = openFleetGreeter(address);
  try {
    const answer = await client.greet(name, { deadline: deadlineIn(timeoutMs), metadata: new Metadata({ waitForReady: true }) });
    return answer.message;
  } finally {
    client.close();
  }
}
