// The dependency MyService cannot work without: the directory it looks users
// up in. Here it is chapter 03's in-memory table, which the tour and the tests
// can take down and bring back. In production it would be a database or
// another service, and a probe would notice when it goes away.
import { EventEmitter } from 'node:events';
import { SAMPLE_USERS, type UserRecord } from '../03-calculator-and-users/users.ts';

export class UserDirectory extends EventEmitter<{ change: [reachable: boolean] }> {
  readonly table: ReadonlyMap<number, UserRecord>;
  #failure: string | undefined;

  constructor(table: ReadonlyMap<number, UserRecord> = SAMPLE_USERS) {
    super();
    this.table = table;
  }

  /** Why the directory cannot be reached, or undefined while it can. */
  get failure(): string | undefined {
    return this.#failure;
  }

  /** The directory goes away, for the reason given ("connection refused"). */
  fail(reason: string): void {
    const wasReachable = this.#failure === undefined;
    this.#failure = reason;
    if (wasReachable) this.emit('change', false);
  }

  /** The directory is back. */
  recover(): void {
    if (this.#failure === undefined) return;
    this.#failure = undefined;
    this.emit('change', true);
  }
}
