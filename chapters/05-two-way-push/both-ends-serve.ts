// Approach 1 of the original tutorial: "both ends are servers". The client
// runs a small server of its own (TaskInbox), and when the main server has a
// task it becomes a client and calls that inbox. Simple to write, and it works
// on one machine. Across the internet it mostly does not: the address a client
// can listen on is usually private (home router NAT, office firewall, a phone
// network), and no one outside can dial it. That is why approach 2, where the
// client opens a stream and the server pushes into it, is the usual answer.
import { credentials, type Server } from '@grpc/grpc-js';
import { Result, ServerMsg, TaskInboxClient, UnimplementedTaskInboxService } from '../../generated/static/contact_service.ts';
import { callUnary, deadlineIn } from '../shared/client.ts';
import { unaryHandler } from '../shared/handlers.ts';
import { withWireChecks } from '../shared/wire-check.ts';

/** The client's own server: TaskInbox.deliver does the task and answers its result. */
export function addTaskInbox(server: Server, work: (task: string) => string): void {
  const handlers: UnimplementedTaskInboxService = {
    deliver: unaryHandler((message: ServerMsg) => new Result({ ret: work(message.task), task_id: message.id })),
  };
  // withWireChecks: each request's bytes are checked before they are decoded (lesson 08).
  server.addService(withWireChecks(UnimplementedTaskInboxService.definition), handlers);
}

/** The main server, acting as a client: hands `task` to the inbox at `inboxAddress` and returns its result. */
export async function callBack(inboxAddress: string, task: ServerMsg, deadlineMs = 1_000): Promise<Result> {
  const inbox = new TaskInboxClient(inboxAddress, credentials.createInsecure());
  try {
    return await callUnary(inbox.deliver, task, { deadline: deadlineIn(deadlineMs) });
  } finally {
    inbox.close();
  }
}
