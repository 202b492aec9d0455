// The calls this chapter makes to its front server, shared by the tour
// (index.ts) and the client half (client.ts). The tour also passes a view of
// the servers, to tell their side of each story.
import type { Transcript } from '../../shared/transcript.ts';
import { showCancellations, type CancelOutcome } from './cancel-steps.ts';
import { frontClients, type ServerView } from '../clients.ts';
import { showDeadlines, type DeadlineStory } from './deadline-steps.ts';
import { showTooBig } from '../patterns/size-limits.ts';
import { showFieldViolations } from './violation-steps.ts';
import type { FieldViolation } from '../../shared/rich-error.ts';

export interface Walkthrough {
  deadlines: DeadlineStory;
  cancellations: CancelOutcome[];
  refusal: { status: string; violations: FieldViolation[] };
  tooBig: string;
}

export async function walkThrough(address: string, t: Transcript, stepMs: number, view?: ServerView): Promise<Walkthrough> {
  const clients = frontClients(address);
  try {
    return {
      deadlines: await showDeadlines(clients, t, view),
      cancellations: await showCancellations(clients, t, stepMs, view),
      refusal: await showFieldViolations(clients, t),
      tooBig: await showTooBig(address, t),
    };
  } finally {
    clients.close();
  }
}
