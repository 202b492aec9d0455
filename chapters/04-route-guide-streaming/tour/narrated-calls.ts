// Streaming calls made the event way, printing each message as it arrives and,
// at the end, every event the call emitted. This is the API underneath
// `for await` and collect(): 'data' per message, 'error' and 'status' for the
// outcome, 'end' when no more messages will come, 'close' last of all.
import { status, type StatusObject } from '@grpc/grpc-js';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { deadlineIn } from '../../shared/client.ts';
import { writeWithBackpressure } from '../../shared/streams.ts';
import type { Transcript } from '../../shared/transcript.ts';
import { watchEvents } from './call-events.ts';

const ROUTE_CHAT = routeguide.UnimplementedRouteGuideService.definition.RouteChat.path;

/** ListFeatures, printing each feature; resolves once the call has closed. */
export async function listWithEvents(
  client: routeguide.RouteGuideClient,
  rectangle: routeguide.Rectangle,
  t: Transcript,
): Promise<{ features: number; events: string }> {
  const call = client.ListFeatures(rectangle, { deadline: deadlineIn() });
  const trail = watchEvents(call);
  let features = 0;
  call.on('data', (feature: routeguide.Feature) => {
    features++;
    t.received(feature.toObject());
  });
  call.on('error', (error) => t.failed(error)); // with no 'error' listener, a failed call would crash us
  const events = await trail.closed;
  return { features, events };
}

/**
 * One RouteChat call: writes every note, half-closes, and prints each reply as
 * it arrives. Resolves once the call has closed, with the number of replies
 * and the name of the status the call ended with.
 */
export async function chat(
  client: routeguide.RouteGuideClient,
  t: Transcript,
  who: string,
  notes: routeguide.RouteNote[],
): Promise<{ replies: number; status: string }> {
  const call = client.RouteChat({ deadline: deadlineIn() });
  const trail = watchEvents(call);
  let replies = 0;
  let ended = 'no status';
  call.on('data', (note: routeguide.RouteNote) => {
    replies++;
    t.received(note.toObject());
  });
  call.on('error', (error) => t.failed(error));
  call.on('status', ({ code }: StatusObject) => (ended = status[code]));
  t.note(`${who}'s chat:`);
  for (const note of notes) {
    t.sent(ROUTE_CHAT, note.toObject());
    if (!(await writeWithBackpressure(call, note))) break; // the call is over: the server refused or went away
  }
  call.end(); // half-close: no more notes from us, but replies may still come
  t.note(`${who}'s chat emitted: ${await trail.closed}`);
  return { replies, status: ended };
}
