// The server side of bench.ts, in its own process so that its memory is its
// own: serves one codec path's Detect (and, for the hand-tuned path,
// DetectStream), and answers "memory" on the IPC channel with its peak RSS.
import { startServer } from '../../shared/server.ts';
import { CODEC_PATHS, transportOnlyPath } from './codec-paths.ts';
import { outliersServerOptions } from '../outliers-service.ts';

export interface BenchServerReport {
  /** Peak resident memory of the process so far, in bytes. */
  peakRss: number;
  /** Resident memory now, in bytes. */
  rss: number;
}

const paths = [...CODEC_PATHS, transportOnlyPath];
const path = paths.find(({ name }) => name === process.argv[2]);
if (!path || !process.send) throw new Error(`usage: fork bench-server.ts with one of: ${paths.map(({ name }) => name).join(', ')}`);
const report = (): BenchServerReport => ({ peakRss: process.resourceUsage().maxRSS * 1024, rss: process.memoryUsage().rss });

const server = await startServer((s) => path.addService(s), { serverOptions: outliersServerOptions });
process.on('message', () => process.send?.(report()));
process.once('disconnect', () => void server.stop(0));
process.send({ address: server.address, ...report() });
