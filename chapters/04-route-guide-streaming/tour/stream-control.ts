// What a streaming server owes its clients beyond the right messages, shown
// from the server's side: it does not outrun a slow reader, it stops working
// for a client that has gone, and it refuses to grow without limit.
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { deadlineIn } from '../../shared/client.ts';
import { messagesOf } from '../../shared/streams.ts';
import type { Transcript } from '../../shared/transcript.ts';
import { E7 } from '../model/coordinates.ts';
import type { ListFeaturesReport } from '../methods/list-features.ts';
import { chat } from './narrated-calls.ts';
import type { RouteGuide } from '../route-guide.ts';
import { openRouteGuide } from '../route-guide-client.ts';

const { Point, Rectangle, RouteNote } = routeguide;

/** The whole Earth, corners in the "wrong" order to show that it does not matter. */
export const EVERYWHERE = new Rectangle({
  lo: new Point({ latitude: 90 * E7, longitude: 180 * E7 }),
  hi: new Point({ latitude: -90 * E7, longitude: -180 * E7 }),
});

/** The report of the next ListFeatures loop to end on `guide` (waits at most `ms`). */
export async function nextListEnd(guide: RouteGuide, ms = 10_000): Promise<ListFeaturesReport> {
  const [report] = await once(guide.listFeaturesEvents, 'ended', { signal: AbortSignal.timeout(ms) });
  return report;
}

export interface SlowReading {
  received: number;
  /** Every expected feature arrived exactly once, in the expected order. */
  inOrder: boolean;
}

/**
 * Lists every feature like a client with real work to do: after each `batch`
 * features it stops reading for `restMs`. Meanwhile the features pile up in
 * front of it, and a server that respects backpressure waits.
 */
export async function readSlowly(
  address: string,
  expected: readonly routeguide.Feature[],
  batch = 500,
  restMs = 5,
): Promise<SlowReading> {
  const client = openRouteGuide(address);
  try {
    const call = client.ListFeatures(EVERYWHERE, { deadline: deadlineIn(10_000) });
    const names: string[] = [];
    for await (const feature of messagesOf(call)) {
      if (names.push(feature.name) > expected.length) throw new Error(`more features than the ${expected.length} expected`);
      if (names.length % batch === 0) await sleep(restMs);
    }
    return { received: names.length, inOrder: names.length === expected.length && names.every((name, i) => name === expected[i].name) };
  } finally {
    client.close();
  }
}

/** Reads `keep` features, then cancels the call; resolves with the details of the client's CANCELLED error. */
export async function readThenCancel(address: string, keep: number): Promise<string> {
  const client = openRouteGuide(address);
  try {
    const call = client.ListFeatures(EVERYWHERE, { deadline: deadlineIn(10_000) });
    const failed = once(call, 'error', { signal: AbortSignal.timeout(10_000) });
    let read = 0;
    call.on('data', () => {
      if (++read === keep) call.cancel();
    });
    const [error] = (await failed) as [Error & { details: string }];
    return error.details;
  } finally {
    client.close();
  }
}

/** readThenCancel against our server, with the report of the loop it cut short. */
export async function cancelAfter(address: string, guide: RouteGuide, keep: number): Promise<{ details: string; report: ListFeaturesReport }> {
  const ended = nextListEnd(guide);
  const details = await readThenCancel(address, keep);
  return { details, report: await ended };
}

export interface StreamControlServers {
  /** Our RouteGuide, over many features. */
  big: { address: string; guide: RouteGuide };
  /** The same features, served by carelessListFeatures; `mostBuffered()` is what it reported. */
  careless: { address: string; mostBuffered(): number | undefined };
  /** A RouteGuide with room for very few notes. */
  tiny: { address: string; guide: RouteGuide };
}

export async function showStreamControl(t: Transcript, { big, careless, tiny }: StreamControlServers) {
  const expected = big.guide.features.all;
  const total = expected.length.toLocaleString('en-US');
  t.step(`A slow reader: ListFeatures over ${total} features; the client rests 5 ms after every 500`);
  const ended = nextListEnd(big.guide);
  const slow = await readSlowly(big.address, expected);
  const report = await ended;
  t.note(`${slow.received.toLocaleString('en-US')} of ${total} arrived, ${slow.inOrder ? 'each once, in order' : 'NOT each once in order'}`);
  t.note(`our server: write() returned false ${report.drainWaits} times and it waited for 'drain'; at most ${report.mostBuffered} features in its buffer`);
  await readThenCancel(careless.address, 1);
  t.note(`a careless server that ignores write()'s false had ${careless.mostBuffered()?.toLocaleString('en-US')} in its buffer before the client read one`);

  t.step('A client that cancels: it reads 100 features, then calls cancel()');
  const cancelled = await cancelAfter(big.address, big.guide, 100);
  t.note(`the client's call ended with CANCELLED: "${cancelled.details}"`);
  t.note(`the server's loop stopped after ${cancelled.report.sent.toLocaleString('en-US')} of ${total} features (completed: ${cancelled.report.completed})`);

  t.step(`A server that keeps at most ${tiny.guide.notes.maxNotes} notes`);
  const client = openRouteGuide(tiny.address);
  let full: { replies: number; status: string };
  try {
    const here = new Point({ latitude: 0, longitude: 0 });
    full = await chat(client, t, 'Cy', ['one', 'two', 'three'].map((message) => new RouteNote({ location: here, message })));
  } finally {
    client.close();
  }
  t.note(`the server holds ${tiny.guide.notes.size} notes: the third was refused, not stored, and the client was told`);
  return { slow, report, carelessBuffered: careless.mostBuffered(), cancelled, noteLimitStatus: full.status };
}
