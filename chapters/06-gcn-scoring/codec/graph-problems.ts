// Everything wrong with a graph, said in one INVALID_ARGUMENT message.
//
// A client that sends 100,000 nodes wants to hear every kind of mistake at
// once, with a few examples of each that name the offending ids, not one
// mistake per round trip, and not a message of a million ids either.
import { status } from '@grpc/grpc-js';
import { RpcError } from '../../shared/rpc-error.ts';

/** Examples shown per kind of problem; the rest are counted. */
const EXAMPLES_SHOWN = 5;

interface Problem {
  examples: string[];
  count: number;
}

export class GraphProblems {
  readonly #problems = new Map<string, Problem>();

  /** Records one case of `kind` ("node ids must be unique"), described by `example` ('"a" (nodes #0 and #3)'). */
  add(kind: string, example: string): void {
    let problem = this.#problems.get(kind);
    if (!problem) this.#problems.set(kind, (problem = { examples: [], count: 0 }));
    problem.count++;
    if (problem.examples.length < EXAMPLES_SHOWN) problem.examples.push(example);
  }

  get any(): boolean {
    return this.#problems.size > 0;
  }

  /** 'node ids must be unique: "a" (nodes #0 and #3); edges must join …', kinds in the order first seen. */
  toString(): string {
    return [...this.#problems]
      .map(([kind, { examples, count }]) => {
        const more = count > examples.length ? `, and ${(count - examples.length).toLocaleString('en-US')} more` : '';
        return `${kind}: ${examples.join(', ')}${more}`;
      })
      .join('; ');
  }

  throwIfAny(): void {
    if (this.any) throw new RpcError(status.INVALID_ARGUMENT, `invalid graph: ${this}`);
  }
}

/** An id as it appears in a message: quoted, so that "" and " a" are visible. */
export function quoted(id: string): string {
  return JSON.stringify(id);
}
