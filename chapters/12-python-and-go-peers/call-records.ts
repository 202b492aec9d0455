// What a client saw for each call, in a shape every language prints the same
// way: one JSON object per line, the reply with its fields named as in the
// .proto (defaults included), or the status code and details. Comparing
// these lines is how a test knows that a Python or Go client got exactly what
// a TypeScript client gets.
import { isDeepStrictEqual } from 'node:util';
import { status } from '@grpc/grpc-js';

export type CallRecord = { method: string; reply: object } | { method: string; code: status; details: string };

export const answered = <Reply extends object>(method: string, reply: Reply): CallRecord => ({ method, reply });
export const refused = (method: string, code: status, details: string): CallRecord => ({ method, code, details });

function isCallRecord(value: unknown): value is CallRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (typeof record.method !== 'string') return false;
  if ('reply' in record) return typeof record.reply === 'object' && record.reply !== null;
  return typeof record.code === 'number' && typeof record.details === 'string';
}

/** The records in a client's output: every line that starts with "{". */
export function parseRecords(output: string): CallRecord[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => {
      const value: unknown = JSON.parse(line);
      if (!isCallRecord(value)) throw new Error(`not a call record: ${line}`);
      return value;
    });
}

/** "/helloworld.Greeter/SayHello → {"message":"Hello, World"}", or "… → INVALID_ARGUMENT: name must not be empty". */
export function describeRecord(record: CallRecord): string {
  const outcome = 'reply' in record ? JSON.stringify(record.reply) : `${status[record.code]}: ${record.details}`;
  return `${record.method} → ${outcome}`;
}

/** Where `actual` first departs from `expected`, or undefined if they are the same calls with the same outcomes. */
export function firstDifference(actual: readonly CallRecord[], expected: readonly CallRecord[]): string | undefined {
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    const [got, wanted] = [actual[i], expected[i]];
    if (got === undefined) return `call ${i + 1} missing: expected ${describeRecord(wanted!)}`;
    if (wanted === undefined) return `call ${i + 1} unexpected: ${describeRecord(got)}`;
    // Key order is not part of the comparison: Python's MessageToDict, for
    // one, lists fields set to their default after the others.
    if (!isDeepStrictEqual(got, wanted)) {
      return `call ${i + 1}: got ${describeRecord(got)}, expected ${describeRecord(wanted)}`;
    }
  }
  return undefined;
}
