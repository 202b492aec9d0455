// Near-miss for exercise 05-A: the reference solution, except that it never acknowledges the tasks.
// The exercise's test must fail against it (the workbook checks that it does).
import { credentials } from '@grpc/grpc-js';
import { ContactClient, Empty, Result, type ServerMsg } from '../../../../generated/static/contact_service.ts';
import { deadlineIn } from '../../../shared/client.ts';
import { clientIdMetadata } from '../../client-id.ts';

function firstTasks(client: ContactClient, clientId: string, count: number): Promise<ServerMsg[]> {
  return new Promise((resolve, reject) => {
    const tasks: ServerMsg[] = [];
    const call = client.getTask(new Empty(), clientIdMetadata(clientId), { deadline: deadlineIn() });
    call.on('data', (task: ServerMsg) => {
      tasks.push(task);
      if (tasks.length === count) {
        call.cancel();
        resolve(tasks);
      }
    });
    call.on('error', (error) => tasks.length < count && reject(error));
  });
}

/** One tellResult call for all of `tasks`; resolves on the server's OK, which means "on disk". */
function acknowledge(client: ContactClient, clientId: string, tasks: ServerMsg[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const call = client.tellResult(clientIdMetadata(clientId), { deadline: deadlineIn() }, (error) => (error ? reject(error) : resolve()));
    for (const task of tasks) call.write(new Result({ task_id: task.id, ret: task.task.toUpperCase() }));
    call.end();
  });
}

export async function takeTasks(address: string, clientId: string, count: number): Promise<number[]> {
  const client = new ContactClient(address, credentials.createInsecure());
  try {
    const tasks = await firstTasks(client, clientId, count);
    return tasks.map((task) => task.id);
  } finally {
    client.close();
  }
}
