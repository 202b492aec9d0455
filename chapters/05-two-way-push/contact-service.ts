// The Contact service, built the way the original tutorial meant it to work:
//   getTask     the client opens a stream and the server pushes that client's
//               own tasks into it: each pending task once per stream, in order,
//               again on the next stream until it is acknowledged;
//   tellResult  the client acknowledges tasks by id; the Empty reply means
//               "all of these are on disk";
//   sendStatus  a status channel: each ClientMsg is answered by one Result.
// Every call names its client in the `client-id` header, or is the default
// client, as the original tutorial's clients are (client-id.ts).
import { Metadata, status, type sendUnaryData, type Server, type ServerDuplexStream, type ServerOptions, type ServerReadableStream } from '@grpc/grpc-js';
import { ClientMsg, Empty, Result, UnimplementedContactService } from '../../generated/static/contact_service.ts';
import { RpcError, toServerError } from '../shared/rpc-error.ts';
import { checkClientId, clientIdOf, DEFAULT_CLIENT_ID } from './client-id.ts';
import { whenDrained } from '../shared/streams.ts';
import { PushSession, type GetTaskCall } from './store/push-session.ts';
import type { Task, TaskStore } from './store/task-store.ts';
import { withWireChecks } from '../shared/wire-check.ts';
import { SERVER_OPTIONS } from '../shared/server-options.ts';

/**
 * The server pings each client connection every 30 s and drops it if no answer
 * comes within 10 s, so a client that vanished without a word (power cut,
 * NAT timeout) has its calls cancelled and its session cleared.
 */
export const CONTACT_SERVER_OPTIONS: ServerOptions = {
  ...SERVER_OPTIONS, // the limits and interceptors of every workbook server (lesson 08)
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
};

export interface ContactServiceOptions {
  /**
   * Like the original's task loop: while a client's getTask stream is open,
   * invent a task for it this often. 0 (the default) invents none.
   */
  generateEveryMs?: number;
}

export interface LiveCounts {
  /** Open getTask streams. */
  sessions: number;
  /** Task generators running for them. */
  timers: number;
}

export class ContactService {
  readonly store: TaskStore;
  readonly #generateEveryMs: number;
  readonly #sessions = new Map<string, PushSession>();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #statuses = new Map<string, string>();
  #closed = false;

  constructor(store: TaskStore, { generateEveryMs = 0 }: ContactServiceOptions = {}) {
    this.store = store;
    this.#generateEveryMs = generateEveryMs;
    // A task is on disk before this fires, and the session reads the store
    // itself, so a task added while a stream opens is sent exactly once.
    store.on('task', (client) => this.#sessions.get(client)?.pump());
  }

  readonly handlers: UnimplementedContactService = {
    sendStatus: (call: ServerDuplexStream<ClientMsg, Result>) => this.#sendStatus(call),
    getTask: (call: GetTaskCall) => void this.#getTask(call),
    tellResult: (call: ServerReadableStream<Result, Empty>, callback: sendUnaryData<Empty>) => void this.#tellResult(call, callback),
  };

  /** Queues a task for one client; it is pushed at once if that client is connected. */
  async assign(client: string, task: string): Promise<Task> {
    return this.store.addTask(checkClientId(client), task);
  }

  /** Queues a copy of `task` for every client the server knows, each under that client's next id. */
  async broadcast(task: string): Promise<Map<string, Task>> {
    const clients = this.store.clients();
    const tasks = await Promise.all(clients.map((client) => this.store.addTask(client, task)));
    return new Map(clients.map((client, index) => [client, tasks[index]]));
  }

  /** The last status `client` reported on sendStatus. */
  statusOf(client: string): string | undefined {
    return this.#statuses.get(client);
  }

  live(): LiveCounts {
    return { sessions: this.#sessions.size, timers: this.#timers.size };
  }

  /**
   * Ends every getTask stream with UNAVAILABLE, the status that tells a
   * client to reconnect, and refuses new ones. Call it before stopping the
   * server: otherwise a graceful stop waits out its grace period for streams
   * that never end by themselves.
   */
  close(): void {
    this.#closed = true;
    for (const session of this.#sessions.values()) {
      session.end(new RpcError(status.UNAVAILABLE, 'the server is shutting down; reconnect with backoff'));
    }
  }

  async #getTask(call: GetTaskCall): Promise<void> {
    try {
      if (this.#closed) throw new RpcError(status.UNAVAILABLE, 'the server is shutting down; reconnect with backoff');
      const client = clientIdOf(call.metadata);
      await this.store.addClient(client);
      if (call.cancelled || call.destroyed) return;
      // Newest wins: the older stream may belong to a connection that died
      // without the server noticing yet, and it must not keep the tasks.
      this.#sessions.get(client)?.end(new RpcError(status.ABORTED, `a newer getTask stream for ${client} replaced this one`));
      const session = new PushSession(client, call, this.store);
      this.#sessions.set(client, session);
      const timer = this.#startGenerator(client);
      // 'close' comes after every ending: finished, failed, cancelled by the
      // client, past its deadline, or cut off with the connection.
      call.once('close', () => {
        if (timer) {
          clearInterval(timer);
          this.#timers.delete(timer);
        }
        if (this.#sessions.get(client) === session) this.#sessions.delete(client);
      });
      // Headers now, before any task is due: the client learns that it is subscribed.
      call.sendMetadata(new Metadata());
      session.pump();
    } catch (error) {
      call.emit('error', toServerError(error));
    }
  }

  #startGenerator(client: string): NodeJS.Timeout | undefined {
    if (this.#generateEveryMs <= 0) return undefined;
    const timer = setInterval(() => {
      this.store.addTask(client, `task made at ${new Date().toISOString().slice(11, 23)}`).catch((error: unknown) => {
        console.error(`could not queue a task for ${client}:`, error);
      });
    }, this.#generateEveryMs);
    this.#timers.add(timer);
    return timer;
  }

  async #tellResult(call: ServerReadableStream<Result, Empty>, callback: sendUnaryData<Empty>): Promise<void> {
    try {
      const client = clientIdOf(call.metadata);
      // One result at a time, each on disk before the next is read. (The loop
      // destroys the stream when it ends; harmless here, because the reply
      // goes out through the callback, not through the stream.)
      for await (const message of call) {
        const result: Result = message;
        await this.store.recordResult(client, this.#taskIdOf(client, result), result.ret);
      }
      // Only now, with every result on disk, does the client hear "OK".
      callback(null, new Empty());
    } catch (error) {
      if (!call.cancelled) callback(toServerError(error));
    }
  }

  /**
   * The task `result` is for. A named client must say (task_id). The default
   * client is the original tutorial's, which sends one id-less Result per task
   * it receives, in the order received: so an id-less result from it
   * acknowledges its oldest pending task.
   */
  #taskIdOf(client: string, result: Result): number {
    if (result.task_id !== 0) return result.task_id;
    if (client !== DEFAULT_CLIENT_ID) {
      throw new RpcError(
        status.INVALID_ARGUMENT,
        `Result.task_id is required (tasks are numbered from 1); got 0 with ret ${JSON.stringify(result.ret)}`,
      );
    }
    const oldest = this.store.nextPending(client, 0);
    if (!oldest) {
      throw new RpcError(status.NOT_FOUND, `${client} has no pending task for a Result without task_id (ret ${JSON.stringify(result.ret)})`);
    }
    return oldest.id;
  }

  #sendStatus(call: ServerDuplexStream<ClientMsg, Result>): void {
    let client: string;
    try {
      client = clientIdOf(call.metadata);
    } catch (error) {
      call.emit('error', toServerError(error));
      return;
    }
    // Events, not `for await`: when a for-await loop over a stream ends, it
    // destroys the stream, and for a duplex that throws away the replies still
    // buffered and turns call.end() into a no-op.
    let failed = false;
    call.on('data', ({ msg }: ClientMsg) => {
      if (failed) return;
      if (msg.trim() === '') {
        failed = true;
        call.emit('error', new RpcError(status.INVALID_ARGUMENT, `ClientMsg.msg must say something; got ${JSON.stringify(msg)}`));
        return;
      }
      this.#statuses.set(client, msg);
      const waiting = this.store.pendingCount(client);
      const reply = new Result({ ret: `${client} is ${JSON.stringify(msg)}; ${waiting} unacknowledged ${waiting === 1 ? 'task' : 'tasks'}` });
      if (!call.write(reply)) {
        // A client that does not read its replies is not read from either.
        call.pause();
        void whenDrained(call).then(() => call.resume());
      }
    });
    call.on('end', () => {
      if (!failed) call.end();
    });
  }
}

export function addContact(server: Server, service: ContactService): void {
  // withWireChecks: each request's bytes are checked before they are decoded (lesson 08).
  server.addService(withWireChecks(UnimplementedContactService.definition), service.handlers);
}
