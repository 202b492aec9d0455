// Calling Outliers with the hand-tuned codec. A grpc-js Client can call any
// path with any pair of codec functions; the generated client classes are
// this, with the generated codec filled in.
import { once } from 'node:events';
import { Client, credentials, type CallOptions, type ChannelOptions, type ServiceError } from '@grpc/grpc-js';
import type { Metric } from '../../generated/proto-loader/pb/Metric.ts';
import type { OutliersRequest } from '../../generated/proto-loader/pb/OutliersRequest.ts';
import type { pb } from '../../generated/static/outliers.ts';
import { deadlineIn } from '../shared/client.ts';
import { outliersService } from './outliers-service.ts';

const { Detect, DetectStream } = outliersService;

/** Metrics per DetectStream message: 10,000 of 24 bytes is 240 kB, well under any limit. */
export const DEFAULT_BATCH_SIZE = 10_000;

/** `metrics` in consecutive batches of `size`, made as they are needed. */
export function* batchesOf<T>(metrics: readonly T[], size = DEFAULT_BATCH_SIZE): Generator<T[]> {
  for (let start = 0; start < metrics.length; start += size) yield metrics.slice(start, start + size);
}

export class OutliersCalls {
  readonly #client: Client;

  constructor(address: string, options?: Partial<ChannelOptions>) {
    // Plaintext is fine on loopback; chapter 09 adds TLS.
    this.#client = new Client(address, credentials.createInsecure(), options);
  }

  /** Indices of the outliers among `request.metrics`. */
  detect(request: OutliersRequest, options: CallOptions = { deadline: deadlineIn() }): Promise<number[]> {
    return new Promise((resolve, reject) => {
      this.#client.makeUnaryRequest(Detect.path, Detect.requestSerialize, Detect.responseDeserialize, request, options, settle(resolve, reject));
    });
  }

  /** The same answer, for metrics sent as a stream of batches; indices count across all of them. */
  detectStream(batches: Iterable<Metric[]>, options: CallOptions = { deadline: deadlineIn() }): Promise<number[]> {
    return new Promise((resolve, reject) => {
      let done = false;
      const call = this.#client.makeClientStreamRequest(
        DetectStream.path,
        DetectStream.requestSerialize,
        DetectStream.responseDeserialize,
        options,
        settle((indices) => ((done = true), resolve(indices)), (error) => ((done = true), reject(error))),
      );
      void (async () => {
        for (const metrics of batches) {
          if (done) return; // the server has answered (a refusal): stop sending
          // write() says false when grpc-js's buffer is full: wait for 'drain' before the next batch.
          if (!call.write({ metrics })) await once(call, 'drain');
        }
        call.end();
      })().catch(() => {}); // a write after the call failed: the callback has the status already
    });
  }

  close(): void {
    this.#client.close();
  }
}

function settle(resolve: (indices: number[]) => void, reject: (error: ServiceError) => void) {
  return (error: ServiceError | null, reply?: pb.OutliersResponse) => {
    if (error) reject(error);
    else resolve(reply?.indices ?? []);
  };
}
