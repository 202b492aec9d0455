// Chapter 03: three small services behind one server, and the status codes
// that say precisely what went wrong.
import { runTour } from '../shared/chapter.ts';
import { startServer } from '../shared/server.ts';
import type { Transcript } from '../shared/transcript.ts';
import { addChapter03Services } from './services.ts';
import { walkThrough } from './walkthrough.ts';
import { SERVER_OPTIONS } from '../shared/server-options.ts';

async function tour(t: Transcript): Promise<string> {
  const server = await startServer(addChapter03Services, { serverOptions: SERVER_OPTIONS });
  try {
    t.step(`Cal, compute.Compute and MyService, all on ${server.address}`);
    const { answered, refused } = await walkThrough(server.address, t);
    return `03 calculator and users: ${answered} calls answered; refused with ${refused.join(', ')}`;
  } finally {
    await server.stop();
  }
}

await runTour('Chapter 03 · Cal, Compute and MyService', tour);
