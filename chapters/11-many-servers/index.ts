// Chapter 11: more than one server. One channel over a fleet of backends:
// load balancing, retries, hedging, waiting for a server, and compression.
import { runTour } from '../shared/chapter.ts';
import type { Transcript } from '../shared/transcript.ts';
import { showLoadBalancing } from './tour/tour-balancing.ts';
import { showCompression } from './tour/tour-compression.ts';
import { showHedging, showRetries } from './tour/tour-retries.ts';
import { showWaitForReady } from './tour/tour-wait-for-ready.ts';

async function tour(t: Transcript): Promise<string> {
  const facts = [];
  for (const part of [showLoadBalancing, showRetries, showHedging, showWaitForReady, showCompression]) facts.push(await part(t));
  return `11 many servers: ${facts.join('; ')}`;
}

await runTour('Chapter 11 · many servers: balancing, retries, hedging, waiting, compression', tour);
