// One open getTask stream: the server's way to speak first. The session is a
// cursor into its client's queue in the TaskStore, not a copy of it: it sends
// pending tasks in id order, each once per stream, and only while the stream's
// buffer has room. A task acknowledged before its turn is simply never sent.
import type { ServerWritableStream } from '@grpc/grpc-js';
import { Empty, ServerMsg } from '../../../generated/static/contact_service.ts';
import type { RpcError } from '../../shared/rpc-error.ts';
import { whenDrained } from '../../shared/streams.ts';
import type { TaskStore } from './task-store.ts';

export type GetTaskCall = ServerWritableStream<Empty, ServerMsg>;

export class PushSession {
  readonly client: string;
  readonly #call: GetTaskCall;
  readonly #store: TaskStore;
  /** The highest id this stream has sent. */
  #lastSentId = 0;
  #waitingForDrain = false;
  #ended = false;

  constructor(client: string, call: GetTaskCall, store: TaskStore) {
    this.client = client;
    this.#call = call;
    this.#store = store;
  }

  /** Sends whatever is pending and not yet sent on this stream; call it again whenever a task is added. */
  pump(): void {
    for (;;) {
      if (this.#waitingForDrain || this.#ended || this.#call.cancelled || this.#call.destroyed) return;
      const next = this.#store.nextPending(this.client, this.#lastSentId);
      if (!next) return;
      this.#lastSentId = next.id;
      if (!this.#call.write(new ServerMsg({ id: next.id, task: next.task }))) {
        // Hold the rest back until the client has read some.
        this.#waitingForDrain = true;
        void whenDrained(this.#call).then(() => {
          this.#waitingForDrain = false;
          this.pump();
        });
        return;
      }
    }
  }

  /** Ends the stream: OK without an error, else with the error's status. */
  end(error?: RpcError): void {
    if (this.#ended || this.#call.cancelled) return;
    this.#ended = true;
    if (error) this.#call.emit('error', error);
    else this.#call.end();
  }
}
