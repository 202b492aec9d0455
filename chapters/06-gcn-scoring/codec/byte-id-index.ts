// Finds a node by the UTF-8 bytes of its id.
//
// A million edges name two million endpoints. Decoding each to a JavaScript
// string and looking it up in a Map costs a string allocation and a hash of
// the new string every time: measured, about three times slower than this.
// This index hashes the bytes where they lie in the request and compares them
// with a compact copy of the node ids' bytes, so an edge's endpoints are found
// without making a string at all. (Two UTF-8 strings are equal exactly when
// their bytes are, so nothing is lost.)
//
// With 100,000 nodes the table does not fit in the CPU's nearest caches, so
// every lookup waits for memory. Each slot therefore holds everything the
// lookup needs (hash, node, where the id's bytes are, their length): one
// wait for the slot, one for the bytes.

const EMPTY = -1;
const SLOT = 4; // Int32s per slot: hash, node index, arena offset, id length

export class ByteIdIndex {
  readonly #request: Uint8Array;
  /** Open addressing with linear probing, at most half full so probes stay short. */
  readonly #slots: Int32Array;
  /** slots.length − 1, a run of one bits (the length is a power of two): `& #wrap` wraps a position around. */
  readonly #wrap: number;
  /** Every node's id bytes, one after the other: a few hundred kilobytes, where the request is megabytes. */
  #arena: Uint8Array;
  #arenaEnd = 0;

  constructor(request: Uint8Array, nodeCount: number) {
    this.#request = request;
    let size = 16;
    while (size < nodeCount * 2) size *= 2;
    this.#slots = new Int32Array(size * SLOT).fill(EMPTY);
    this.#wrap = size * SLOT - 1;
    this.#arena = new Uint8Array(nodeCount * 8);
  }

  /** Adds node `index`, whose id is request[start, end); returns the node that already has that id, or -1. */
  add(index: number, start: number, end: number): number {
    const hash = this.#hash(start, end);
    const slots = this.#slots;
    let at = (hash * SLOT) & this.#wrap;
    for (; slots[at + 1] !== EMPTY; at = (at + SLOT) & this.#wrap) {
      if (slots[at] === hash && this.#sameBytes(slots[at + 2], slots[at + 3], start, end)) return slots[at + 1];
    }
    slots[at] = hash;
    slots[at + 1] = index;
    slots[at + 2] = this.#copyToArena(start, end);
    slots[at + 3] = end - start;
    return -1;
  }

  /** The node whose id is request[start, end), or -1. */
  find(start: number, end: number): number {
    const hash = this.#hash(start, end);
    const slots = this.#slots;
    for (let at = (hash * SLOT) & this.#wrap; ; at = (at + SLOT) & this.#wrap) {
      const index = slots[at + 1];
      if (index === EMPTY || (slots[at] === hash && this.#sameBytes(slots[at + 2], slots[at + 3], start, end))) return index;
    }
  }

  /** FNV-1a over the bytes: simple, and spreads ids like "n1", "n2", … well. */
  #hash(start: number, end: number): number {
    const bytes = this.#request;
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    return hash;
  }

  #sameBytes(arenaStart: number, length: number, start: number, end: number): boolean {
    if (end - start !== length) return false;
    const arena = this.#arena;
    const request = this.#request;
    for (let i = 0; i < length; i++) if (arena[arenaStart + i] !== request[start + i]) return false;
    return true;
  }

  /** Appends request[start, end) to the arena; returns where it starts there. */
  #copyToArena(start: number, end: number): number {
    const length = end - start;
    if (this.#arenaEnd + length > this.#arena.length) {
      const grown = new Uint8Array(Math.max(this.#arena.length * 2, this.#arenaEnd + length));
      grown.set(this.#arena);
      this.#arena = grown;
    }
    this.#arena.set(this.#request.subarray(start, end), this.#arenaEnd);
    const arenaStart = this.#arenaEnd;
    this.#arenaEnd += length;
    return arenaStart;
  }
}
