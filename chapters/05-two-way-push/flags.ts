// The flags this chapter's halves take besides --port and --addr.
import { UsageError } from '../shared/cli.ts';
import { checkClientId } from './client-id.ts';

/** A whole number of at least `min`, or a UsageError naming the flag and what was given. */
export function parseWholeNumber(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || !Number.isSafeInteger(value)) {
    throw new UsageError(`${flag} must be a whole number from ${min} up, got "${text}"`);
  }
  return value;
}

/** --id: a client id the server will accept. */
export function parseClientIdFlag(text: string): string {
  try {
    return checkClientId(text);
  } catch (error) {
    throw new UsageError(`--id: ${error instanceof Error ? error.message : String(error)}`);
  }
}
