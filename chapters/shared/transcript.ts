// The narrated output of a chapter: what the learner sees scroll by.
import { status } from '@grpc/grpc-js';
import { describeError, isServiceError } from './client.ts';

type Printer = (line: string) => void;

export class Transcript {
  readonly #print: Printer;

  constructor(print: Printer = (line) => console.log(line)) {
    this.#print = print;
  }

  /** A new step of the story. */
  step(text: string): void {
    this.#print(`\n▸ ${text}`);
  }

  /** A remark inside the current step. */
  note(text: string): void {
    this.#print(`  ${text}`);
  }

  /** A message leaving the client for `path` (e.g. /helloworld.Greeter/SayHello). */
  sent(path: string, message: unknown): void {
    this.#print(`  → ${path} ${show(message)}`);
  }

  /** A message coming back. */
  received(message: unknown): void {
    this.#print(`  ← ${show(message)}`);
  }

  /** A call that ended with a non-OK status (or any other error); returns the status name. */
  failed(error: unknown): string {
    this.#print(`  ✖ ${describeError(error)}`);
    return isServiceError(error) ? status[error.code] : 'not a gRPC status';
  }
}

function show(message: unknown): string {
  return JSON.stringify(message);
}
