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

/**
 * Deep equality, except that two numbers agree when they differ by at most
 * `tolerance` times the larger of 1 and the expected value. A float32 prints
 * as 0.4444274 in Python and Go and as 0.44442740082740784 in JavaScript: the
 * same number, and two servers' sums may round differently in the last place.
 */
export function agreeWithin(got: unknown, wanted: unknown, tolerance: number): boolean {
  if (typeof got === 'number' && typeof wanted === 'number') {
    return Math.abs(got - wanted) <= tolerance * Math.max(1, Math.abs(wanted));
  }
  if (typeof got !== 'object' || typeof wanted !== 'object' || got === null || wanted === null || tolerance === 0) {
    return isDeepStrictEqual(got, wanted);
  }
  if (Array.isArray(got) !== Array.isArray(wanted)) return false;
  const [gotKeys, wantedKeys] = [Object.keys(got).sort(), Object.keys(wanted).sort()];
  if (!isDeepStrictEqual(gotKeys, wantedKeys)) return false;
  const [g, w] = [got as Record<string, unknown>, wanted as Record<string, unknown>];
  return wantedKeys.every((key) => agreeWithin(g[key], w[key], tolerance));
}

/**
 * Where `actual` first departs from `expected`, or undefined if they are the
 * same calls with the same outcomes (numbers within `tolerance`, see agreeWithin).
 */
export function firstDifference(actual: readonly CallRecord[], expected: readonly CallRecord[], tolerance = 0): string | undefined {
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    const [got, wanted] = [actual[i], expected[i]];
    if (got === undefined) return `call ${i + 1} missing: expected ${describeRecord(wanted!)}`;
    if (wanted === undefined) return `call ${i + 1} unexpected: ${describeRecord(got)}`;
    // Key order is not part of the comparison: Python's MessageToDict, for
    // one, lists fields set to their default after the others.
    if (!agreeWithin(got, wanted, tolerance)) {
      return `call ${i + 1}: got ${describeRecord(got)}, expected ${describeRecord(wanted)}`;
    }
  }
  return undefined;
}
