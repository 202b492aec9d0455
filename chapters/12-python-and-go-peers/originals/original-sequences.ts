// What the original tutorials' Python clients see from the chapters'
// TypeScript servers, call by call: their calls, in their order (see
// python/cal_client.py, compute_client.py, route_guide_client.py and
// contact_client.py). A call that returns a stream has the list of its
// replies as its reply. 64-bit integers are strings, as protobuf's JSON
// mapping spells them.
import { status } from '@grpc/grpc-js';
import { DEFAULT_FEATURE_FILE, loadFeatureFile } from '../../04-route-guide-streaming/model/feature-file.ts';
import { DEFAULT_CLIENT_ID } from '../../05-two-way-push/client-id.ts';
import { answered, refused, type CallRecord } from '../pairings/call-records.ts';
import { ORIGINAL_CLIENT_TASKS } from './original-servers.ts';

export const calSequence: CallRecord[] = [
  answered('/Cal/Add', { number: 400 }),
  answered('/Cal/Multiply', { number: 30000 }),
  answered('/Cal/Add', { number: 200000 }),
  // The original Python server failed here too, with UNKNOWN (lesson 03).
  refused('/Cal/Multiply', status.OUT_OF_RANGE, '100000 × 100000 = 10000000000 does not fit in int32 (-2147483648 to 2147483647)'),
];

export const computeSequence: CallRecord[] = [
  answered('/compute.Compute/SayHello', { result: '6' }),
  // Code points, as Python's len() counts: the emoji is one, not two UTF-16 units.
  answered('/compute.Compute/SayHello', { result: '7' }),
];

const point = (latitude: number, longitude: number) => ({ latitude, longitude });

export const routeGuideSequence: CallRecord[] = [
  // The official examples' first point; the workbook's features.json has nothing there.
  answered('/routeguide.RouteGuide/GetFeature', { name: '', location: point(409146138, -746188906) }),
  answered('/routeguide.RouteGuide/GetFeature', { name: '', location: point(0, 0) }),
  // Every one of the workbook's features lies in the rectangle the official clients ask about.
  answered('/routeguide.RouteGuide/ListFeatures', loadFeatureFile(DEFAULT_FEATURE_FILE).map(({ name, location }) => ({ name, location }))),
  // Every fifth feature: 20 points, 20 features, metres by the haversine formula; the interop server's clock stands still.
  answered('/routeguide.RouteGuide/RecordRoute', { point_count: 20, feature_count: 20, distance: 1888546, elapsed_time: 0 }),
  // Five notes; only "msg 4" lands where an earlier note is, so the server sends that one back.
  answered('/routeguide.RouteGuide/RouteChat', [{ location: point(0, 0), message: 'msg 1' }]),
];

const statusReply = (status: string, pending: number) => ({
  ret: `${DEFAULT_CLIENT_ID} is ${JSON.stringify(status)}; ${pending} unacknowledged tasks`,
  task_id: '0',
});

export const contactSequence: CallRecord[] = [
  // No client-id: the server's default client, which has the three tasks the interop server queued.
  answered('/Contact/sendStatus', [statusReply('数据:1', 3), statusReply('数据:2', 3)]),
  answered('/Contact/getTask', ORIGINAL_CLIENT_TASKS.map((task, index) => ({ task, id: String(index + 1) }))),
  // Three Results without task_id: each acknowledges the oldest pending task.
  answered('/Contact/tellResult', {}),
  answered('/Contact/sendStatus', [statusReply('数据:3', 0)]),
];
