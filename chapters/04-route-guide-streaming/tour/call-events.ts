// The events a grpc-js client call emits, in order, for the transcript:
// "metadata, data ×8, status OK, end, close". Listening to 'data' switches a
// stream to flowing mode, so a call watched this way must be read through its
// 'data' events too, never also with `for await`.
import { status, type StatusObject } from '@grpc/grpc-js';
import type { EventEmitter } from 'node:events';

export const CLIENT_CALL_EVENTS = ['metadata', 'data', 'error', 'status', 'end', 'close'] as const;

export interface EventTrail {
  /** Resolves with the trail once the call emits 'close', its very last event. */
  readonly closed: Promise<string>;
}

export function watchEvents(call: EventEmitter): EventTrail {
  const seen: string[] = [];
  for (const event of CLIENT_CALL_EVENTS) {
    call.on(event, (payload: unknown) => seen.push(event === 'status' ? `status ${status[(payload as StatusObject).code]}` : event));
  }
  return { closed: new Promise((resolve) => call.once('close', () => resolve(collapse(seen)))) };
}

/** ["data", "data", "end"] → "data ×2, end" */
function collapse(events: string[]): string {
  const runs: { event: string; count: number }[] = [];
  for (const event of events) {
    const last = runs.at(-1);
    if (last?.event === event) last.count++;
    else runs.push({ event, count: 1 });
  }
  return runs.map(({ event, count }) => (count > 1 ? `${event} ×${count}` : event)).join(', ');
}
