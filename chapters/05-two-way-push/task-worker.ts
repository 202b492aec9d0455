// The client side of server push: a worker that keeps a getTask stream open,
// does each task once, and acknowledges it. What it promises:
//   - each task is processed once per worker process, even when the server
//     sends it again (it does, after a reconnect, until the acknowledgement is
//     on disk): a task whose id is not above the highest seen is a repeat;
//   - results are acknowledged with tellResult, and kept until the server's
//     OK says they are on disk; a lost acknowledgement is sent again;
//   - when the stream fails it is reopened, after exponential backoff with
//     jitter; when its deadline (the lease) runs out it is reopened at once.
// A worker process that restarts has forgotten what it processed: results it
// had not got confirmed are redone. Exactly-once across that too would need
// the worker's own journal.
import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { credentials, status, type ChannelOptions, type ClientReadableStream, type ServiceError } from '@grpc/grpc-js';
import { ContactClient, Empty, Result, ServerMsg } from '../../generated/static/contact_service.ts';
import { deadlineIn, isServiceError } from '../shared/client.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './worker/backoff.ts';
import { clientIdMetadata } from './client-id.ts';
import type { Task } from './store/task-store.ts';

/** How long one getTask stream may live before the worker renews it. */
export const DEFAULT_LEASE_MS = 60_000;

/** At most this many results per tellResult call. */
export const MAX_RESULTS_PER_CALL = 100;

/** Statuses after which reopening the stream can help. */
const RETRYABLE = new Set([status.UNAVAILABLE, status.CANCELLED, status.DEADLINE_EXCEEDED, status.RESOURCE_EXHAUSTED]);

export interface TaskWorkerOptions {
  address: string;
  clientId: string;
  /** Does one task and returns its result. It must not throw: a task that fails should produce a result that says so. */
  work: (task: Task) => string | Promise<string>;
  backoff?: BackoffPolicy;
  /** For the jitter; tests pass a fixed one. */
  random?: () => number;
  /** The deadline of each getTask stream. */
  leaseMs?: number;
  /** Failed attempts in a row before the worker gives up; unlimited by default. */
  maxRetries?: number;
}

export interface TaskWorkerEvents {
  /** Stream number `stream` is open: the server has answered with its headers. */
  subscribed: [stream: number];
  /** A task arrived; `repeat` if this worker has already taken it. */
  delivered: [task: Task, repeat: boolean];
  processed: [task: Task, result: string];
  /** The server said OK to a tellResult carrying these ids: they are on its disk. */
  confirmed: [ids: number[]];
  acknowledgementFailed: [error: unknown, ids: number[]];
  /** The stream ended with `error` (null: ended by the server without one); the next try is in `delayMs`. */
  retrying: [error: ServiceError | null, delayMs: number, failures: number];
}

export interface StopReport {
  processed: number;
  /** Results the server never confirmed; it will send those tasks again. */
  unconfirmed: number[];
}

export class TaskWorker extends EventEmitter<TaskWorkerEvents> {
  readonly clientId: string;
  readonly #client: ContactClient;
  readonly #options: Required<Omit<TaskWorkerOptions, 'address' | 'clientId'>>;
  #highestTaken = 0;
  readonly #queue: Task[] = [];
  readonly #unconfirmed = new Map<number, string>();
  #processed = 0;
  #processing: Promise<void> | undefined;
  #flushing: Promise<void> | undefined;
  #flushAgain = false;
  #call: ClientReadableStream<ServerMsg> | undefined;
  #stopping = false;
  #fatal: Error | undefined;
  readonly #wakeUp = new AbortController();
  #running: Promise<void> | undefined;
  #stopped: Promise<StopReport> | undefined;

  constructor({ address, clientId, ...options }: TaskWorkerOptions) {
    super();
    this.clientId = clientId;
    this.#options = { backoff: DEFAULT_BACKOFF, random: Math.random, leaseMs: DEFAULT_LEASE_MS, maxRetries: Infinity, ...options };
    this.#client = new ContactClient(address, credentials.createInsecure(), workerChannelOptions(this.#options.backoff));
  }

  get processed(): number {
    return this.#processed;
  }

  /** The highest task id this worker has taken; tasks up to it are done or in hand. */
  get highestTaken(): number {
    return this.#highestTaken;
  }

  /** Starts taking tasks. The promise settles when the worker stops: rejected if it gave up or met a fatal status. */
  start(): Promise<void> {
    this.#running ??= this.#run();
    return this.#running;
  }

  /**
   * Stops taking tasks, finishes the one in hand, and sends the results not
   * yet confirmed. Tasks received but not started are left to the server,
   * which sends them again next time.
   */
  stop(): Promise<StopReport> {
    this.#stopped ??= this.#stop();
    return this.#stopped;
  }

  async #stop(): Promise<StopReport> {
    this.#stopping = true;
    this.#wakeUp.abort();
    this.#call?.cancel();
    await this.#running?.catch(() => {});
    await this.#processing;
    await this.#flushing;
    if (this.#unconfirmed.size > 0) await this.#flushAcknowledgements();
    this.#client.close();
    return { processed: this.#processed, unconfirmed: [...this.#unconfirmed.keys()] };
  }

  async #run(): Promise<void> {
    let failures = 0;
    for (let stream = 1; !this.#stopping && !this.#fatal; stream++) {
      const { error, subscribed } = await this.#openStream(stream);
      if (this.#fatal || this.#stopping) break;
      if (subscribed) failures = 0;
      if (error && !RETRYABLE.has(error.code)) throw error;
      // The lease ran out on a healthy stream: renew it at once.
      if (error?.code === status.DEADLINE_EXCEEDED && subscribed) continue;
      if (failures >= this.#options.maxRetries) {
        throw error ?? new Error(`the server ended getTask ${failures + 1} times in a row`);
      }
      const delayMs = backoffDelay(failures, this.#options.backoff, this.#options.random);
      failures++;
      this.emit('retrying', error, delayMs, failures);
      await sleep(delayMs, undefined, { signal: this.#wakeUp.signal }).catch(() => {}); // stop() cuts the wait short
    }
    if (this.#fatal) throw this.#fatal;
  }

  /** One getTask stream, from opening to its end. */
  #openStream(stream: number): Promise<{ error: ServiceError | null; subscribed: boolean }> {
    return new Promise((resolve) => {
      let subscribed = false;
      const call = this.#client.getTask(new Empty(), clientIdMetadata(this.clientId), { deadline: deadlineIn(this.#options.leaseMs) });
      this.#call = call;
      call.on('metadata', () => {
        subscribed = true;
        this.emit('subscribed', stream);
        void this.#flushAcknowledgements(); // results a previous stream could not get confirmed
      });
      call.on('data', (message: ServerMsg) => this.#receive(message));
      call.on('error', (error: ServiceError) => resolve({ error, subscribed }));
      call.on('end', () => resolve({ error: null, subscribed }));
    });
  }

  #receive(message: ServerMsg): void {
    const task: Task = { id: message.id, task: message.task };
    if (task.id === 0) {
      this.#fail(new Error(`the server sent a task without an id (${JSON.stringify(task.task)}): it cannot be acknowledged`));
      return;
    }
    // The server sends tasks in id order and never skips one it has not seen
    // acknowledged, so anything at or below the highest id taken is a repeat.
    if (task.id <= this.#highestTaken) {
      this.emit('delivered', task, true);
      // The server still thinks it is pending: our acknowledgement may have been lost.
      if (this.#unconfirmed.has(task.id)) void this.#flushAcknowledgements();
      return;
    }
    this.#highestTaken = task.id;
    this.#queue.push(task);
    this.emit('delivered', task, false);
    this.#processQueue();
  }

  #processQueue(): void {
    if (this.#processing) return;
    this.#processing = (async () => {
      while (this.#queue.length > 0 && !this.#stopping && !this.#fatal) {
        const task = this.#queue.shift()!; // length checked by the loop
        const result = await this.#options.work(task);
        this.#unconfirmed.set(task.id, result);
        this.#processed++;
        this.emit('processed', task, result);
        void this.#flushAcknowledgements();
      }
    })()
      .catch((error: unknown) => this.#fail(error instanceof Error ? error : new Error(String(error))))
      .finally(() => {
        this.#processing = undefined;
        // A task may have arrived between the loop's last check and now.
        if (this.#queue.length > 0 && !this.#stopping && !this.#fatal) this.#processQueue();
      });
  }

  /** Sends the unconfirmed results; one tellResult call at a time. */
  #flushAcknowledgements(): Promise<void> {
    if (this.#flushing) {
      this.#flushAgain = true;
      return this.#flushing;
    }
    if (this.#unconfirmed.size === 0) return Promise.resolve();
    this.#flushing = this.#sendResults().finally(() => {
      this.#flushing = undefined;
      if (this.#flushAgain) {
        this.#flushAgain = false;
        void this.#flushAcknowledgements();
      }
    });
    return this.#flushing;
  }

  async #sendResults(): Promise<void> {
    const batch = [...this.#unconfirmed].slice(0, MAX_RESULTS_PER_CALL);
    const ids = batch.map(([id]) => id);
    try {
      await new Promise<void>((resolve, reject) => {
        const call = this.#client.tellResult(clientIdMetadata(this.clientId), { deadline: deadlineIn() }, (error) =>
          error ? reject(error) : resolve(),
        );
        for (const [id, ret] of batch) call.write(new Result({ task_id: id, ret }));
        call.end();
      });
    } catch (error) {
      this.emit('acknowledgementFailed', error, ids);
      // UNAVAILABLE and the like: try again later. NOT_FOUND and the like: the
      // server does not know our tasks (was its journal lost?), and retrying cannot help.
      if (!isServiceError(error) || !RETRYABLE.has(error.code)) this.#fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    for (const id of ids) this.#unconfirmed.delete(id);
    this.emit('confirmed', ids);
    if (this.#unconfirmed.size > 0) this.#flushAgain = true;
  }

  #fail(error: Error): void {
    this.#fatal ??= error;
    this.#wakeUp.abort();
    this.#call?.cancel();
  }
}

/**
 * Keepalive pings find a dead connection within the lease. The channel's own
 * reconnect backoff (1 s at first, by default) is set to the worker's, or the
 * channel would refuse the worker's early retries without even trying.
 */
export function workerChannelOptions(backoff: BackoffPolicy): ChannelOptions {
  return {
    'grpc.keepalive_time_ms': 30_000,
    'grpc.keepalive_timeout_ms': 10_000,
    'grpc.initial_reconnect_backoff_ms': backoff.initialMs,
    'grpc.max_reconnect_backoff_ms': backoff.maxMs,
  };
}
