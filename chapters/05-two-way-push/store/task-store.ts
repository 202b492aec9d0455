// The server's memory of who has which tasks: one queue per client, kept in a
// journal so that it survives a restart. Three kinds of entry:
//   {"type":"client","client":"alice"}                       alice has connected
//   {"type":"task","client":"alice","id":3,"task":"…"}        alice's task 3 exists
//   {"type":"result","client":"alice","id":3,"ret":"…"}       alice finished task 3
// A task is pending from its "task" entry until its first "result" entry.
// Every change is written to the journal first and applied in memory after,
// so memory never claims anything the disk does not hold.
import { EventEmitter } from 'node:events';
import { status } from '@grpc/grpc-js';
import { RpcError } from '../../shared/rpc-error.ts';
import { Journal } from './journal.ts';

export interface Task {
  /** 1, 2, 3, … within its client's queue; 0 never names a task (it is protobuf's "not set"). */
  id: number;
  task: string;
}

export type JournalEntry =
  | { type: 'client'; client: string }
  | { type: 'task'; client: string; id: number; task: string }
  | { type: 'result'; client: string; id: number; ret: string };

interface ClientQueue {
  /** The id the next task gets. Ids below it that are not pending have results. */
  nextId: number;
  /** Tasks without a result, by id; a Map iterates in insertion order, which is id order. */
  pending: Map<number, string>;
}

export interface StoreCounts {
  clients: number;
  tasks: number;
  results: number;
}

export type RecordOutcome = 'recorded' | 'already recorded';

export class TaskStore extends EventEmitter<{ task: [client: string, task: Task] }> {
  readonly #journal: Journal<JournalEntry>;
  readonly #queues = new Map<string, ClientQueue>();
  #counts: StoreCounts = { clients: 0, tasks: 0, results: 0 };

  private constructor(journal: Journal<JournalEntry>) {
    super();
    this.#journal = journal;
  }

  /** Opens the journal at `path` and replays it. */
  static async open(path: string): Promise<TaskStore> {
    const { journal, records } = await Journal.open(path, parseEntry);
    const store = new TaskStore(journal);
    for (const entry of records) store.#apply(entry);
    return store;
  }

  get path(): string {
    return this.#journal.path;
  }

  /** How many clients, tasks and results the journal holds. */
  counts(): StoreCounts {
    return { ...this.#counts };
  }

  clients(): string[] {
    return [...this.#queues.keys()];
  }

  /** Remembers `client`, so that broadcasts reach it even before it has any task. */
  async addClient(client: string): Promise<void> {
    if (this.#queues.has(client)) return;
    const entry: JournalEntry = { type: 'client', client };
    await this.#journal.append(entry);
    this.#apply(entry);
  }

  /** Queues `task` for `client`; resolves once it is on disk, and only then tells the 'task' listeners. */
  async addTask(client: string, task: string): Promise<Task> {
    await this.addClient(client);
    const queue = this.#queue(client);
    // Take the id now, not after the write, so that concurrent calls get distinct ids.
    const id = queue.nextId++;
    const entry: JournalEntry = { type: 'task', client, id, task };
    await this.#journal.append(entry);
    this.#apply(entry);
    return { id, task };
  }

  /**
   * Records the result of `client`'s task `id`. The first result is the one
   * kept; a later one for the same task is 'already recorded', not an error,
   * because a client that lost the answer to its acknowledgement must be able
   * to send it again.
   */
  async recordResult(client: string, id: number, ret: string): Promise<RecordOutcome> {
    const queue = this.#queues.get(client);
    if (!queue || id < 1 || id >= queue.nextId) {
      const range = queue && queue.nextId > 1 ? `its tasks are 1 to ${queue.nextId - 1}` : 'it has no tasks';
      throw new RpcError(status.NOT_FOUND, `${client} has no task ${id} (${range})`);
    }
    if (!queue.pending.has(id)) return 'already recorded';
    const entry: JournalEntry = { type: 'result', client, id, ret };
    // Two streams acknowledging the same task at once may both get here and
    // both write; replay keeps the first entry and skips the second.
    await this.#journal.append(entry);
    this.#apply(entry);
    return 'recorded';
  }

  /** The first pending task of `client` with an id above `afterId`, if any. */
  nextPending(client: string, afterId: number): Task | undefined {
    const queue = this.#queues.get(client);
    if (!queue) return undefined;
    // Ids are consecutive, so this walks at most the ids handed out since afterId.
    for (let id = afterId + 1; id < queue.nextId; id++) {
      const task = queue.pending.get(id);
      if (task !== undefined) return { id, task };
    }
    return undefined;
  }

  pendingCount(client: string): number {
    return this.#queues.get(client)?.pending.size ?? 0;
  }

  close(): Promise<void> {
    return this.#journal.close();
  }

  #queue(client: string): ClientQueue {
    let queue = this.#queues.get(client);
    if (!queue) {
      queue = { nextId: 1, pending: new Map() };
      this.#queues.set(client, queue);
      this.#counts.clients++;
    }
    return queue;
  }

  /** Applies one journal entry to memory: at start-up for every entry, afterwards for each new one. */
  #apply(entry: JournalEntry): void {
    const queue = this.#queue(entry.client);
    if (entry.type === 'task') {
      queue.pending.set(entry.id, entry.task);
      queue.nextId = Math.max(queue.nextId, entry.id + 1);
      this.#counts.tasks++;
      this.emit('task', entry.client, { id: entry.id, task: entry.task });
    } else if (entry.type === 'result' && queue.pending.delete(entry.id)) {
      this.#counts.results++;
    }
  }
}

function parseEntry(value: unknown): JournalEntry {
  const entry = value as Partial<Record<string, unknown>>;
  const client = typeof entry.client === 'string' ? entry.client : undefined;
  const id = Number.isSafeInteger(entry.id) && (entry.id as number) >= 1 ? (entry.id as number) : undefined;
  if (client && entry.type === 'client') return { type: 'client', client };
  if (client && id && entry.type === 'task' && typeof entry.task === 'string') return { type: 'task', client, id, task: entry.task };
  if (client && id && entry.type === 'result' && typeof entry.ret === 'string') return { type: 'result', client, id, ret: entry.ret };
  throw new Error(`not a journal entry: ${JSON.stringify(value)}`);
}
