// The notes every RouteChat call shares. Node runs JavaScript on one thread,
// so add() cannot be interleaved with another call's add(): the lookup of the
// earlier notes and the store of the new one happen together, and no note is
// lost or seen twice. (In Go or Java the official servers need a mutex here.)
// Memory is bounded: at most `maxNotes` notes of at most MAX_NOTE_BYTES each.
import { status } from '@grpc/grpc-js';
import type { routeguide } from '../../../generated/static/route_guide.ts';
import { RpcError } from '../../shared/rpc-error.ts';
import { locationKey, type PointLike } from './coordinates.ts';

export const DEFAULT_MAX_NOTES = 10_000;
export const MAX_NOTE_BYTES = 1_024;

export class NoteStore {
  readonly #byLocation = new Map<string, routeguide.RouteNote[]>();
  #size = 0;

  constructor(readonly maxNotes = DEFAULT_MAX_NOTES) {}

  get size(): number {
    return this.#size;
  }

  /**
   * Stores `note` and returns the notes stored before it at the same place.
   * When the store is full the note is refused with RESOURCE_EXHAUSTED; `what`
   * names it in the message ("note 3").
   */
  add(note: routeguide.RouteNote, what: string): routeguide.RouteNote[] {
    if (this.#size >= this.maxNotes) {
      throw new RpcError(status.RESOURCE_EXHAUSTED, `${what} was not stored: this server keeps at most ${this.maxNotes} notes and has no room left`);
    }
    const key = locationKey(note.location);
    const here = this.#byLocation.get(key) ?? [];
    const earlier = [...here];
    here.push(note);
    this.#byLocation.set(key, here);
    this.#size++;
    return earlier;
  }

  /** Every note at this place, oldest first. */
  at(point: PointLike): readonly routeguide.RouteNote[] {
    return this.#byLocation.get(locationKey(point)) ?? [];
  }
}
