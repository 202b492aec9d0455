// Chapter 08: when calls go wrong. Deadlines and how they propagate,
// cancellation of every streaming shape, status codes with rich details, size
// limits, retries, and bytes no client library would send.
import { runTour } from '../shared/chapter.ts';
import type { Transcript } from '../shared/transcript.ts';
import { PACE, startChapterServers } from './chapter-servers.ts';
import { nextStopWithin, type ServerView } from './clients.ts';
import { showHostileBytes } from './tour/hostile-steps.ts';
import { showRetries } from './tour/retry-steps.ts';
import { showSizeLimits } from './patterns/size-limits.ts';
import { walkThrough } from './tour/walkthrough.ts';

async function tour(t: Transcript): Promise<string> {
  const servers = await startChapterServers();
  const view: ServerView = {
    guideCallStopped: () => nextStopWithin(servers.guide.events),
    backendCallStopped: () => nextStopWithin(servers.backend.slow.events),
  };
  try {
    t.step(`The front server (${servers.front.address}): a RouteGuide that takes its time, and a Greeter that asks a back end (${servers.backend.running.address})`);
    const { deadlines, cancellations, refusal, tooBig } = await walkThrough(servers.front.address, t, PACE.stepMs, view);
    await showSizeLimits(t);
    const retries = await showRetries(t);
    const hostile = await showHostileBytes(t);

    const [withParent] = deadlines.backend;
    const cancelled = cancellations.filter(({ status, server }) => status === 'CANCELLED' && server?.ending === 'cancelled');
    const wasted = cancellations.reduce((sum, { server }) => sum + (server?.workAfterCancel ?? 0), 0);
    const [busy] = retries.calls;
    return (
      `08 when calls go wrong: ${deadlines.statuses[0]}, back end ${withParent?.ending} with its caller; ` +
      `${cancelled.length} stream shapes cancelled, ${wasted} steps after; ${refusal.status} with ${refusal.violations.length} field violations; ` +
      `${tooBig} over 4 MiB; UNAVAILABLE retried, ${busy?.status} at attempt ${busy?.attempts}; hostile bytes → ${hostile.refusedWith.join(', ')}, ` +
      (hostile.greetedAfter === 'Hello, World' ? 'still serving' : 'NOT SERVING')
    );
  } finally {
    await servers.stop();
  }
}

await runTour('Chapter 08 · when calls go wrong: deadlines, cancellation, status codes, limits, retries', tour);
