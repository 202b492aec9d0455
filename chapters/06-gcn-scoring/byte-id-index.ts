// Finds a node by the UTF-8 bytes of its id.
//
// A million edges name two million endpoints. Decoding each to a JavaScript
// string and looking it up in a Map costs a string allocation and a hash of
// the new string every time: about half a second at this size. This index
// hashes the bytes where they lie in the request and compares them with a
// compact copy of the node ids' bytes, so an edge's endpoints are found
// without making a string at all. (Two UTF-8 strings are equal exactly when
// their bytes are, so nothing is lost.)

const EMPTY = -1;

export class ByteIdIndex {
  readonly #request: Uint8Array;
  /**
   * Open addressing with linear probing, at most half full so probes stay short.
   * Slot s is two numbers: [2s] the full hash, compared before any bytes are;
   * [2s + 1] the node index, or EMPTY.
   */
  readonly #slots: Int32Array;
  readonly #mask: number;
  /** Every node's id bytes, one after the other: 100,000 short ids fit in the CPU's cache, a 26 MB request does not. */
  #arena: Uint8Array;
  #arenaEnd = 0;
  readonly #idStart: Int32Array;
  readonly #idEnd: Int32Array;

  constructor(request: Uint8Array, nodeCount: number) {
    this.#request = request;
    let size = 16;
    while (size < nodeCount * 2) size *= 2;
    this.#slots = new Int32Array(size * 2).fill(EMPTY);
    this.#mask = size - 1;
    this.#arena = new Uint8Array(nodeCount * 8);
    this.#idStart = new Int32Array(nodeCount);
    this.#idEnd = new Int32Array(nodeCount);
  }

  /** Adds node `index`, whose id is request[start, end); returns the node that already has that id, or -1. */
  add(index: number, start: number, end: number): number {
    const hash = this.#hash(start, end);
    const slots = this.#slots;
    let slot = hash & this.#mask;
    for (; slots[2 * slot + 1] !== EMPTY; slot = (slot + 1) & this.#mask) {
      if (slots[2 * slot] === hash && this.#sameId(slots[2 * slot + 1], start, end)) return slots[2 * slot + 1];
    }
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = index;
    this.#copyToArena(index, start, end);
    return -1;
  }

  /** The node whose id is request[start, end), or -1. */
  find(start: number, end: number): number {
    const hash = this.#hash(start, end);
    const slots = this.#slots;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const index = slots[2 * slot + 1];
      if (index === EMPTY || (slots[2 * slot] === hash && this.#sameId(index, start, end))) return index;
    }
  }

  /** FNV-1a over the bytes: simple, and spreads ids like "n1", "n2", … well. */
  #hash(start: number, end: number): number {
    const bytes = this.#request;
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    return hash;
  }

  #sameId(index: number, start: number, end: number): boolean {
    const request = this.#request;
    const arena = this.#arena;
    const idStart = this.#idStart[index];
    const length = end - start;
    if (this.#idEnd[index] - idStart !== length) return false;
    for (let i = 0; i < length; i++) if (arena[idStart + i] !== request[start + i]) return false;
    return true;
  }

  #copyToArena(index: number, start: number, end: number): void {
    const length = end - start;
    if (this.#arenaEnd + length > this.#arena.length) {
      const grown = new Uint8Array(Math.max(this.#arena.length * 2, this.#arenaEnd + length));
      grown.set(this.#arena);
      this.#arena = grown;
    }
    this.#arena.set(this.#request.subarray(start, end), this.#arenaEnd);
    this.#idStart[index] = this.#arenaEnd;
    this.#arenaEnd += length;
    this.#idEnd[index] = this.#arenaEnd;
  }
}
