// Near-miss for exercise 04-B: the reference solution, except that it makes the call without a deadline.
// The exercise's test must fail against it (the workbook checks that it does).
import type { routeguide } from '../../../../generated/static/route_guide.ts';
import { writeWithBackpressure } from '../../../shared/streams.ts';

export async function recordLive(
  client: routeguide.RouteGuideClient,
  feed: AsyncIterable<routeguide.Point>,
  timeoutMs: number,
): Promise<routeguide.RouteSummary> {
  let callOver = false;
  let call!: ReturnType<routeguide.RouteGuideClient['RecordRoute']>;
  const summary = new Promise<routeguide.RouteSummary>((resolve, reject) => {
    call = client.RecordRoute({}, (error, reply) => {
      callOver = true;
      if (error) reject(error);
      else resolve(reply!);
    });
  });
  summary.catch(() => {}); // it may fail while we still write; the caller gets it from `return summary`
  try {
    // Leaving this loop early (break) stops the feed: its generator is closed.
    for await (const point of feed) {
      if (callOver || !(await writeWithBackpressure(call, point))) break;
    }
  } catch (feedError) {
    call.cancel(); // the CANCELLED this brings to `summary` is ours: the caller gets the feed's error
    throw feedError;
  }
  call.end();
  return summary;
}
