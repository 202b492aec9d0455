// The tour of approach 2: two workers with their own queues, a broadcast,
// sendStatus, and a server that stops hard mid-task and comes back from its
// journal. Deterministic on purpose: alice's "render" task waits for a signal,
// so the crash always finds exactly that task delivered and unacknowledged.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentials } from '@grpc/grpc-js';
import { ContactClient, UnimplementedContactService } from '../../../generated/static/contact_service.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import type { Transcript } from '../../shared/transcript.ts';
import type { BackoffPolicy } from '../worker/backoff.ts';
import { addContact, CONTACT_SERVER_OPTIONS, ContactService } from '../contact-service.ts';
import { eventually } from '../tests/eventually.ts';
import { reportStatuses } from '../worker/status-channel.ts';
import { TaskStore, type Task } from '../store/task-store.ts';
import { TaskWorker } from '../task-worker.ts';
import { narrateWorker } from './worker-narration.ts';

const SEND_STATUS = UnimplementedContactService.definition.sendStatus.path;

/** Short waits for the tour; the client half uses DEFAULT_BACKOFF. */
const TOUR_BACKOFF: BackoffPolicy = { initialMs: 20, maxMs: 200, multiplier: 2 };

export interface PushOutcome {
  clients: number;
  tasks: number;
  /** Tasks each worker processed; equals `tasks` when none was done twice. */
  processed: number;
  repeats: number;
}

interface ContactServer {
  store: TaskStore;
  service: ContactService;
  running: RunningServer;
}

async function startContact(journalPath: string, port = 0): Promise<ContactServer> {
  const store = await TaskStore.open(journalPath);
  // A generator per connected client, as in the original, but slow enough
  // that it never fires during the tour: it is here to be cleaned up.
  const service = new ContactService(store, { generateEveryMs: 60_000 });
  const running = await startServer((server) => addContact(server, service), { port, serverOptions: CONTACT_SERVER_OPTIONS });
  return { store, service, running };
}

export async function pushWalkthrough(t: Transcript): Promise<PushOutcome> {
  const folder = await mkdtemp(join(tmpdir(), 'grpc-workbook-05-'));
  const journalPath = join(folder, 'journal.jsonl');
  let contact = await startContact(journalPath);
  let releaseRender: () => void = () => {};
  const renderMayFinish = new Promise<void>((resolve) => (releaseRender = resolve));
  const work = async ({ task }: Task) => {
    if (task === 'render video.mp4') await renderMayFinish;
    return `done: ${task}`;
  };
  const address = contact.running.address;
  const workers = ['alice', 'bob'].map((clientId) => new TaskWorker({ address, clientId, work, backoff: TOUR_BACKOFF }));
  const [alice, bob] = workers;
  const statusClient = new ContactClient(address, credentials.createInsecure());
  try {
    t.step(`Approach 2: each client opens getTask and the server pushes. Contact on ${address}`);
    t.note(`journal: ${journalPath}`);
    const tallies = workers.map((worker) => narrateWorker(worker, t));
    // Wait on what the clients see, so that the transcript reads in order.
    let subscribed = 0;
    let confirmed = 0;
    for (const worker of workers) {
      worker.on('subscribed', () => subscribed++);
      worker.on('confirmed', (ids) => (confirmed += ids.length));
    }
    for (const worker of workers) void worker.start().catch(() => {}); // stop() reports how it ended
    await eventually('both workers are subscribed', () => subscribed === 2);
    t.note(`live on the server: ${describeLive(contact.service)}`);

    t.step('Tasks for alice, for bob, and one for everyone');
    await contact.service.assign('alice', 'resize a.png');
    await contact.service.assign('alice', 'resize b.png');
    await contact.service.assign('bob', 'transcode c.mp4');
    await contact.service.broadcast('rotate logs');
    await eventually('every result is confirmed', () => confirmed === 5);

    t.step('sendStatus: alice reports on one bidirectional stream, the server answers each report');
    const statuses = ['idle', 'rendering'];
    for (const msg of statuses) t.sent(SEND_STATUS, { msg });
    for (const ret of await reportStatuses(statusClient, 'alice', statuses)) t.received({ ret });

    t.step('alice starts a long task; the server stops hard before she can acknowledge it');
    await contact.service.assign('alice', 'render video.mp4');
    await eventually('alice has the render task', () => contact.store.counts().tasks === 6 && alice.processed === 3 && alice.highestTaken === 4);
    contact.running.server.forceShutdown(); // calls cancelled at once, like a crash, from the clients' side
    await contact.store.close();
    contact = await startContact(journalPath, contact.running.port);
    const replayed = contact.store.counts();
    t.note(`restarted on the same port from the journal: ${replayed.clients} clients, ${replayed.tasks} tasks, ${replayed.results} results`);
    await eventually('both workers are back', () => subscribed === 4);
    releaseRender();
    await contact.service.assign('alice', 'resize d.png');
    await eventually('every result is confirmed', () => confirmed === 7);

    t.step('alice and bob leave');
    t.note(`before: ${describeLive(contact.service)}`);
    const reports = await Promise.all(workers.map((worker) => worker.stop()));
    await eventually('the server has cleaned up', () => contact.service.live().sessions === 0);
    t.note(`after:  ${describeLive(contact.service)}`);
    return {
      clients: workers.length,
      tasks: contact.store.counts().tasks,
      processed: reports.reduce((sum, report) => sum + report.processed, 0),
      repeats: tallies.reduce((sum, tally) => sum + tally.repeats, 0),
    };
  } finally {
    statusClient.close();
    await Promise.all(workers.map((worker) => worker.stop()));
    contact.service.close();
    await contact.running.stop();
    await contact.store.close();
    await rm(folder, { recursive: true, force: true });
  }
}

function describeLive(service: ContactService): string {
  const { sessions, timers } = service.live();
  return `${sessions} getTask sessions, ${timers} task-generator timers`;
}
