// Chapter 05: two ways to let a server speak first. Approach 1, both ends are
// servers, in a few lines; approach 2, server push over a stream the client
// opened, done properly: per-client queues, acknowledgements, a journal that
// survives a restart, and a client that reconnects with backoff.
import { ServerMsg, UnimplementedTaskInboxService } from '../../generated/static/contact_service.ts';
import { runTour } from '../shared/chapter.ts';
import { isServiceError } from '../shared/client.ts';
import { startServer } from '../shared/server.ts';
import type { Transcript } from '../shared/transcript.ts';
import { addTaskInbox, callBack } from './both-ends-serve.ts';
import { pushWalkthrough } from './tour/push-walkthrough.ts';
import { SERVER_OPTIONS } from '../shared/server-options.ts';

const DELIVER = UnimplementedTaskInboxService.definition.deliver.path;

/** Approach 1; returns the status the main server got once the client's server was gone. */
async function bothEndsServe(t: Transcript): Promise<string> {
  const inbox = await startServer((server) => addTaskInbox(server, (task) => `done: ${task}`), { serverOptions: SERVER_OPTIONS });
  t.step(`Approach 1: both ends are servers. The client runs its own TaskInbox on ${inbox.address}`);
  t.note('the main server, now acting as a client, calls back:');
  const task = new ServerMsg({ task: 'resize a.png', id: 1 });
  t.sent(DELIVER, task.toObject());
  t.received((await callBack(inbox.address, task)).toObject());
  await inbox.stop();
  t.note("the client's server goes away; the next call back finds no one there:");
  t.sent(DELIVER, task.toObject());
  try {
    await callBack(inbox.address, task);
    throw new Error('a call back to a stopped inbox succeeded');
  } catch (error) {
    if (!isServiceError(error)) throw error;
    const seen = t.failed(error);
    t.note('Behind NAT or a firewall, that is every call: the main server cannot dial the client at all.');
    return seen;
  }
}

async function tour(t: Transcript): Promise<string> {
  const callBackStatus = await bothEndsServe(t);
  const push = await pushWalkthrough(t);
  return (
    `05 two way push: calling back a vanished client: ${callBackStatus}; ` +
    `${push.tasks} tasks pushed to ${push.clients} clients, ${push.processed} done, ` +
    `none twice across a server restart (${push.repeats} repeat delivery skipped)`
  );
}

await runTour('Chapter 05 · two-way communication: Contact', tour);
