// For this chapter's tests and exercise tests: a Contact server with a fresh
// journal in a temporary folder, and a few ways to watch raw calls.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { credentials, type ClientReadableStream, type ServiceError } from '@grpc/grpc-js';
import { ContactClient, type ServerMsg } from '../../../generated/static/contact_service.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { addContact, CONTACT_SERVER_OPTIONS, ContactService, type ContactServiceOptions } from '../contact-service.ts';
import type { JournalEntry } from '../store/task-store.ts';
import { TaskStore } from '../store/task-store.ts';

export interface ContactFixture {
  store: TaskStore;
  service: ContactService;
  running: RunningServer;
  client: ContactClient;
  journalPath: string;
  /** Every entry in the journal file, as written. */
  journal(): Promise<JournalEntry[]>;
}

/** A Contact server for one test; stopped, and its folder removed, when the test ends. */
export async function contactFixture(t: TestContext, options?: ContactServiceOptions): Promise<ContactFixture> {
  const folder = await mkdtemp(join(tmpdir(), 'grpc-workbook-05-test-'));
  const journalPath = join(folder, 'journal.jsonl');
  const store = await TaskStore.open(journalPath);
  const service = new ContactService(store, options);
  const running = await startServer((server) => addContact(server, service), { serverOptions: CONTACT_SERVER_OPTIONS });
  const client = new ContactClient(running.address, credentials.createInsecure());
  t.after(async () => {
    client.close();
    service.close();
    await running.stop(100);
    await store.close();
    await rm(folder, { recursive: true, force: true });
  });
  return { store, service, running, client, journalPath, journal: () => readJournal(journalPath) };
}

export async function readJournal(path: string): Promise<JournalEntry[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JournalEntry);
}

export interface WatchedStream {
  /** Every message so far, as [id, task]. */
  received: [number, string][];
  /** Settles when the call ends: null for OK, else its error. */
  ended: Promise<ServiceError | null>;
}

/** Collects what a getTask stream delivers. */
export function watch(call: ClientReadableStream<ServerMsg>): WatchedStream {
  const received: [number, string][] = [];
  call.on('data', (message: ServerMsg) => received.push([message.id, message.task]));
  const ended = new Promise<ServiceError | null>((resolve) => {
    call.on('error', resolve);
    call.on('end', () => resolve(null));
  });
  return { received, ended };
}
