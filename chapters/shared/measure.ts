// A small timing loop for the live measurements that lessons quote. It is a
// teaching instrument, not a benchmark harness: it warms up, then reports the
// median of several timed batches, which shrugs off a stray GC pause.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

/** The 1, 5 and 15 minute load averages as /proc/loadavg prints them ("1.93 3.31 5.43"): a timing is quoted with the load it ran under. */
export const loadAverage = (): string => loadavg().map((value) => value.toFixed(2)).join(' ');

export interface Timing {
  /** Median microseconds per call. */
  microsPerCall: number;
  /** How many calls were timed in all. */
  calls: number;
}

/**
 * Times `fn` for about `budgetMs` in total, after `warmUpCalls` untimed calls
 * that let V8 compile the hot path first. V8 optimizes functions, not call
 * sites: a second timing of code that has just been timed needs no warm-up.
 */
export function timeCalls(fn: () => unknown, budgetMs = 100, warmUpCalls = 20): Timing {
  for (let i = 0; i < warmUpCalls; i++) fn();
  const maxBatches = 9;
  const minBatches = 3;
  const batchBudget = budgetMs / maxBatches;
  const perCall: number[] = [];
  let calls = 0;
  const timedStart = performance.now();
  // Nine batches, or as many as fit in the budget when one call takes longer
  // than a batch's share, but never fewer than three for the median.
  for (let batch = 0; batch < maxBatches && (batch < minBatches || performance.now() - timedStart < budgetMs); batch++) {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    // Bounded by time and by count, so a very fast fn cannot spin for long.
    do {
      fn();
      n++;
      elapsed = performance.now() - start;
    } while (elapsed < batchBudget && n < 1_000_000);
    perCall.push((elapsed * 1000) / n);
    calls += n;
  }
  return { microsPerCall: median(perCall), calls };
}

/** The middle value (the upper middle for an even count), which one slow run cannot move. */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** Runs `work` `runs` times and returns the median of its wall times, in milliseconds. */
export function medianMs(runs: number, work: () => unknown): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}
