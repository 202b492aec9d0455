// The chapters' own RouteGuide and Contact, set up so that the original
// tutorials' call sequences (original-sequences.ts) get the same answers on
// every run: RouteGuide's clock stands still, and Contact starts from an
// empty journal holding three tasks for the default client.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from '@grpc/grpc-js';
import { DEFAULT_FEATURE_FILE, loadFeatureFile } from '../../04-route-guide-streaming/model/feature-file.ts';
import { addRouteGuide, createRouteGuide } from '../../04-route-guide-streaming/route-guide.ts';
import { DEFAULT_CLIENT_ID } from '../../05-two-way-push/client-id.ts';
import { addContact, ContactService } from '../../05-two-way-push/contact-service.ts';
import { TaskStore } from '../../05-two-way-push/store/task-store.ts';
import type { OpenedImplementation } from '../peer-services.ts';

/** The tasks queued for the original client, which sends no client-id. */
export const ORIGINAL_CLIENT_TASKS = ['resize a.png', 'transcode b.mp4', 'rotate logs'];

/**
 * Chapter 04's RouteGuide on its own features.json. RecordRoute reports a
 * route's elapsed seconds; on a busy machine a route could straddle a second,
 * so this server's clock reads 0 throughout and every route takes 0 s.
 */
export function addInteropRouteGuide(server: Server): void {
  addRouteGuide(server, createRouteGuide(loadFeatureFile(DEFAULT_FEATURE_FILE), { now: () => 0 }));
}

/** Chapter 05's Contact, with a fresh journal in a temporary folder and ORIGINAL_CLIENT_TASKS queued for the default client. */
export async function openInteropContact(): Promise<OpenedImplementation> {
  const folder = await mkdtemp(join(tmpdir(), 'grpc-workbook-12-contact-'));
  const store = await TaskStore.open(join(folder, 'journal.jsonl'));
  const service = new ContactService(store);
  for (const task of ORIGINAL_CLIENT_TASKS) await service.assign(DEFAULT_CLIENT_ID, task);
  return {
    add: (server) => addContact(server, service),
    async close() {
      service.close();
      await store.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
