// Who may call: a small in-memory table from bearer token to role. Real
// systems verify signed tokens instead (a JWT checked with a library such as
// `jose`: signature, issuer, audience, expiry), so that no server keeps a list
// of secrets. The table keeps this chapter's subject, the interceptor, in view.
import { createHash, timingSafeEqual } from 'node:crypto';

export type Role = 'reader' | 'admin';

/**
 * The demo tokens. They open nothing but this chapter's servers on loopback;
 * real tokens live in a secret store, never in source code.
 */
export const DEMO_TOKENS: Readonly<Record<Role, string>> = {
  reader: 'reader-7f3a9c2e51d04b68',
  admin: 'admin-2b8e6d1c947a4f05',
};

type Compare = (a: Buffer, b: Buffer) => boolean;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export class TokenTable {
  readonly #entries: { digest: Buffer; role: Role }[];
  readonly #compare: Compare;

  /** `compare` is for tests, which count the comparisons; the real one is crypto.timingSafeEqual. */
  constructor(tokens: Readonly<Record<Role, string>>, compare: Compare = timingSafeEqual) {
    // Only digests are kept, so the table itself holds no usable token.
    this.#entries = Object.entries(tokens).map(([role, token]) => ({ digest: sha256(token), role: role as Role }));
    this.#compare = compare;
  }

  /**
   * The role of `token`, or undefined. Takes the same time whether the guess
   * is right, half right or nothing like it: both sides of every comparison
   * are 32-byte SHA-256 digests (so lengths never leak, and timingSafeEqual
   * never throws), the comparison does not stop at the first differing byte,
   * and every entry is compared, with no early return on a match.
   */
  roleOf(token: string): Role | undefined {
    const digest = sha256(token);
    let role: Role | undefined;
    for (const entry of this.#entries) {
      if (this.#compare(digest, entry.digest)) role = entry.role;
    }
    return role;
  }
}

export const demoTokenTable = new TokenTable(DEMO_TOKENS);
