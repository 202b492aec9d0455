// Exercise 05-A: acknowledge what was pushed to you.
//
// takeTasks(address, clientId, count) works as client `clientId`:
//   1. it opens getTask and takes the first `count` tasks the server pushes,
//      then cancels the stream (this part is written for you);
//   2. TODO: acknowledge those tasks in ONE tellResult call, sent as the same
//      client (clientIdMetadata) and with a deadline: for each task a Result
//      with task_id = the task's id and ret = the task's text in capitals
//      ("resize a.png" → "RESIZE A.PNG");
//   3. it resolves with the ids it took, once tellResult has answered OK.
// The server pushes a task again on every new stream until it is
// acknowledged, so without step 2 a second takeTasks gets the same tasks.
//
// Check your work: npm run exercises -- 05
import { credentials } from '@grpc/grpc-js';
import { ContactClient, Empty, type ServerMsg } from '../../../generated/static/contact_service.ts';
import { deadlineIn } from '../../shared/client.ts';
import { clientIdMetadata } from '../client-id.ts';

/** The first `count` tasks pushed on one getTask stream. */
function firstTasks(client: ContactClient, clientId: string, count: number): Promise<ServerMsg[]> {
  return new Promise((resolve, reject) => {
    const tasks: ServerMsg[] = [];
    const call = client.getTask(new Empty(), clientIdMetadata(clientId), { deadline: deadlineIn() });
    call.on('data', (task: ServerMsg) => {
      tasks.push(task);
      if (tasks.length === count) {
        call.cancel(); // enough: the CANCELLED that follows is ours
        resolve(tasks);
      }
    });
    call.on('error', (error) => tasks.length < count && reject(error));
  });
}

export async function takeTasks(address: string, clientId: string, count: number): Promise<number[]> {
  const client = new ContactClient(address, credentials.createInsecure());
  try {
    const tasks = await firstTasks(client, clientId, count);
    // TODO: acknowledge `tasks` with one tellResult call and wait for its OK.
    return tasks.map((task) => task.id);
  } finally {
    client.close();
  }
}
