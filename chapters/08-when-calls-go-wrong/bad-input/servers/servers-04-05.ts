// Matrix tables for the servers of chapters 04 and 05, started as their tours
// and tests start them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { Empty, Result, ServerMsg, UnimplementedContactService, UnimplementedTaskInboxService, ClientMsg } from '../../../../generated/static/contact_service.ts';
import { routeguide } from '../../../../generated/static/route_guide.ts';
import { DEFAULT_FEATURE_FILE, loadFeatureFile } from '../../../04-route-guide-streaming/model/feature-file.ts';
import { addRouteGuide, createRouteGuide } from '../../../04-route-guide-streaming/route-guide.ts';
import { addTaskInbox } from '../../../05-two-way-push/both-ends-serve.ts';
import { clientIdMetadata } from '../../../05-two-way-push/client-id.ts';
import { addContact, CONTACT_SERVER_OPTIONS, ContactService } from '../../../05-two-way-push/contact-service.ts';
import { TaskStore } from '../../../05-two-way-push/store/task-store.ts';
import { SERVER_OPTIONS } from '../../../shared/server-options.ts';
import { startServer } from '../../../shared/server.ts';
import { lengthField, varintField } from '../hostile-bytes.ts';
import type { MatrixServer, MethodRow } from '../matrix.ts';

const bytes = (message: { serialize(): Uint8Array }) => Buffer.from(message.serialize());
const { OK, INVALID_ARGUMENT, INTERNAL, NOT_FOUND, DEADLINE_EXCEEDED } = status;

const guide = routeguide.UnimplementedRouteGuideService.definition;
const point = (latitude: number, longitude: number) => new routeguide.Point({ latitude, longitude });
const CROOKED_COVE = point(418472723, -743339083); // the first feature in chapter 04's features.json

/**
 * GetFeature and ListFeatures, for a RouteGuide that refuses points off the
 * Earth and rectangles without two corners, as chapter 04's does and chapter
 * 08's paced one does with chapter 04's limits. `here` is a point on Earth.
 */
export function pointAndRectangleRows(here: routeguide.Point): MethodRow[] {
  return [
    {
      method: guide.GetFeature,
      valid: bytes(here),
      // (0, 0) is a place on Earth, with no feature: a Feature with an empty name.
      answers: { empty: OK, unknownFields: OK, bigUnknownField: OK, biggestVarint: OK },
      extra: [{ name: 'latitude 2^31 - 1, far past the pole', bytes: varintField(1, 2 ** 31 - 1), expect: INVALID_ARGUMENT }],
    },
    {
      method: guide.ListFeatures,
      valid: bytes(routeguide.Rectangle.fromObject({ lo: here.toObject(), hi: here.toObject() })),
      // A rectangle with no corners is refused.
      answers: { empty: INVALID_ARGUMENT, unknownFields: INVALID_ARGUMENT, bigUnknownField: INVALID_ARGUMENT },
    },
  ];
}

export const chapter04Server: MatrixServer = {
  name: '04 RouteGuide',
  start: () => startServer((server) => addRouteGuide(server, createRouteGuide(loadFeatureFile(DEFAULT_FEATURE_FILE))), { serverOptions: SERVER_OPTIONS }),
  rows: [
    ...pointAndRectangleRows(CROOKED_COVE),
    {
      method: guide.RecordRoute,
      valid: bytes(CROOKED_COVE),
      answers: { empty: OK, unknownFields: OK, bigUnknownField: OK, biggestVarint: OK },
      noMessages: OK,
    },
    {
      method: guide.RouteChat,
      valid: bytes(routeguide.RouteNote.fromObject({ location: CROOKED_COVE.toObject(), message: 'hello' })),
      // A note needs a location.
      answers: { empty: INVALID_ARGUMENT, unknownFields: INVALID_ARGUMENT, bigUnknownField: INVALID_ARGUMENT, hugeString: INVALID_ARGUMENT },
      noMessages: OK,
      extra: [
        {
          name: 'a note of 2,000 bytes, over the 1,024 the server keeps',
          bytes: bytes(routeguide.RouteNote.fromObject({ location: CROOKED_COVE.toObject(), message: 'x'.repeat(2_000) })),
          expect: INVALID_ARGUMENT,
        },
      ],
    },
  ],
  followUp: {
    method: guide.GetFeature,
    request: bytes(CROOKED_COVE),
    reply: bytes(routeguide.Feature.fromObject({ name: 'Crooked Cove', location: CROOKED_COVE.toObject() })),
  },
};

const inbox = UnimplementedTaskInboxService.definition;

export const taskInboxServer: MatrixServer = {
  name: '05 TaskInbox (both ends serve)',
  start: () => startServer((server) => addTaskInbox(server, (task) => `done: ${task}`), { serverOptions: SERVER_OPTIONS }),
  rows: [
    {
      method: inbox.deliver,
      valid: bytes(new ServerMsg({ task: 'wash up', id: 1 })),
      // The static stubs read uint64 as a JavaScript number: 2^64 - 1 rounds up
      // to 2^64, which the reply (task_id: id) can no longer hold. grpc-js then
      // answers INTERNAL, "Error serializing response".
      answers: { empty: OK, unknownFields: OK, bigUnknownField: OK, hugeString: OK, biggestVarint: INTERNAL },
    },
  ],
  followUp: {
    method: inbox.deliver,
    request: bytes(new ServerMsg({ task: 'wash up', id: 1 })),
    reply: bytes(new Result({ ret: 'done: wash up', task_id: 1 })),
  },
};

const contact = UnimplementedContactService.definition;

export const contactServer: MatrixServer = {
  name: '05 Contact',
  async start() {
    const folder = await mkdtemp(join(tmpdir(), 'grpc-workbook-08-matrix-'));
    const store = await TaskStore.open(join(folder, 'journal.jsonl'));
    const service = new ContactService(store);
    const running = await startServer((server) => addContact(server, service), { serverOptions: CONTACT_SERVER_OPTIONS });
    return {
      address: running.address,
      async stop() {
        service.close();
        await running.stop(100);
        await store.close();
        await rm(folder, { recursive: true, force: true });
      },
    };
  },
  metadata: () => clientIdMetadata('matrix'),
  rows: [
    {
      method: contact.sendStatus,
      valid: bytes(new ClientMsg({ msg: 'ready' })),
      answers: { empty: INVALID_ARGUMENT, unknownFields: INVALID_ARGUMENT, bigUnknownField: INVALID_ARGUMENT, hugeString: OK },
      noMessages: OK,
    },
    {
      // A good getTask stream stays open, waiting for tasks, until its deadline.
      method: contact.getTask,
      valid: bytes(new Empty()),
      answers: { empty: DEADLINE_EXCEEDED, unknownFields: DEADLINE_EXCEEDED, bigUnknownField: DEADLINE_EXCEEDED },
      deadlineMs: 200,
    },
    {
      method: contact.tellResult,
      valid: bytes(new Result({ ret: 'done', task_id: 1 })),
      answers: { empty: INVALID_ARGUMENT, unknownFields: INVALID_ARGUMENT, bigUnknownField: INVALID_ARGUMENT, hugeString: INVALID_ARGUMENT, biggestVarint: NOT_FOUND },
      noMessages: OK,
      // The first result is for a task the server never gave: NOT_FOUND, before the second arrives.
      validThenMalformed: [NOT_FOUND, INTERNAL],
      extra: [{ name: 'a result for task 7, which was never given', bytes: Buffer.concat([lengthField(1, Buffer.from('done')), varintField(2, 7)]), expect: NOT_FOUND }],
    },
  ],
  followUp: {
    method: contact.sendStatus,
    request: bytes(new ClientMsg({ msg: 'ready' })),
    reply: bytes(new Result({ ret: 'matrix is "ready"; 0 unacknowledged tasks' })),
  },
};

