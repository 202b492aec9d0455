// Metrics as columns: every value in one Float64Array, and each metric's name
// as a number into a table of the distinct names. That is 12 bytes a metric,
// however the metrics arrived, and it is all the detector needs.
import { status } from '@grpc/grpc-js';
import { RpcError } from '../../shared/rpc-error.ts';

export interface MetricColumns {
  readonly values: Float64Array;
  /** names[nameIds[i]] is the name of metric i. */
  readonly nameIds: Uint32Array;
  readonly names: readonly string[];
}

/** Columns from decoded messages: static-stub Metric objects or proto-loader plain objects. */
export function columnsOf(metrics: readonly { readonly name: string; readonly value: number }[]): MetricColumns {
  const values = new Float64Array(metrics.length);
  const nameIds = new Uint32Array(metrics.length);
  const ids = new Map<string, number>();
  metrics.forEach(({ name, value }, i) => {
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = ids.size));
    values[i] = value;
    nameIds[i] = id;
  });
  return { values, nameIds, names: [...ids.keys()] };
}

/**
 * Collects the batches of one DetectStream call end to end, up to `maxMetrics`
 * in all. Only the columns are kept: each batch's bytes can be dropped as soon
 * as it is appended.
 */
export class ColumnsCollector {
  #values = new Float64Array(1024);
  #nameIds = new Uint32Array(1024);
  #count = 0;
  readonly #ids = new Map<string, number>();
  readonly maxMetrics: number;

  constructor(maxMetrics: number) {
    this.maxMetrics = maxMetrics;
  }

  get count(): number {
    return this.#count;
  }

  append(batch: MetricColumns): void {
    const count = this.#count + batch.values.length;
    if (count > this.maxMetrics) {
      throw new RpcError(
        status.RESOURCE_EXHAUSTED,
        `a stream may carry at most ${this.maxMetrics.toLocaleString('en-US')} metrics; this batch brings it to ${count.toLocaleString('en-US')}`,
      );
    }
    if (count > this.#values.length) this.#grow(Math.min(this.maxMetrics, Math.max(count, 2 * this.#values.length)));
    // The batch numbered its names from 0; renumber them into this stream's table.
    const ids = batch.names.map((name) => {
      let id = this.#ids.get(name);
      if (id === undefined) this.#ids.set(name, (id = this.#ids.size));
      return id;
    });
    this.#values.set(batch.values, this.#count);
    for (let i = 0; i < batch.nameIds.length; i++) this.#nameIds[this.#count + i] = ids[batch.nameIds[i]];
    this.#count = count;
  }

  columns(): MetricColumns {
    return {
      values: this.#values.subarray(0, this.#count),
      nameIds: this.#nameIds.subarray(0, this.#count),
      names: [...this.#ids.keys()],
    };
  }

  #grow(capacity: number): void {
    const values = new Float64Array(capacity);
    values.set(this.#values.subarray(0, this.#count));
    const nameIds = new Uint32Array(capacity);
    nameIds.set(this.#nameIds.subarray(0, this.#count));
    this.#values = values;
    this.#nameIds = nameIds;
  }
}
