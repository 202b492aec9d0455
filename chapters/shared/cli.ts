// Command-line parsing shared by every chapter's server.ts and client.ts.
// Built on node:util parseArgs so that --port 50051, --port=50051 and unknown
// flags all behave the way a Node user expects, with no extra dependency.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export const DEFAULT_PORT = 50051;
export const DEFAULT_ADDRESS = `localhost:${DEFAULT_PORT}`;

/** Thrown for a command line we cannot use; the caller prints it with the usage text. */
export class UsageError extends Error {}

/**
 * Parses argv against `options`. `--help`/`-h` prints `usage` and exits 0;
 * anything malformed prints the problem and `usage` to stderr and exits 2, the
 * conventional status for a usage error.
 */
export function parseCommandLine<O extends OptionsConfig>(usage: string, options: O, argv: string[] = process.argv.slice(2)) {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    return exitWithUsage(usage, error instanceof Error ? error.message : String(error));
  }
}

export function exitWithUsage(usage: string, problem: string): never {
  console.error(`error: ${problem}\n\n${usage}`);
  process.exit(2);
}

/** `--port N` for a server half; 0 asks the OS for a free port. */
export function parseServerArgs(usage: string, argv?: string[]): { port: number } {
  const values = parseCommandLine(usage, { port: { type: 'string', default: String(DEFAULT_PORT) } }, argv);
  return orExitWithUsage(usage, () => ({ port: parsePort(values.port) }));
}

/** `--addr host:port` for a client half. */
export function parseClientArgs(usage: string, argv?: string[]): { address: string } {
  const values = parseCommandLine(usage, { addr: { type: 'string', default: DEFAULT_ADDRESS } }, argv);
  return orExitWithUsage(usage, () => ({ address: parseAddress(values.addr) }));
}

/**
 * `--addr host:port`, repeatable, for a client of several servers; each value
 * may also be a comma-separated list. `defaults` stand in when no --addr is given.
 */
export function parseClientAddressesArgs(usage: string, defaults: string[], argv?: string[]): { addresses: string[] } {
  const values = parseCommandLine(usage, { addr: { type: 'string', multiple: true } }, argv);
  return orExitWithUsage(usage, () => ({ addresses: parseAddressList(values.addr ?? defaults) }));
}

/** Every host:port in `values`, comma-separated lists split apart; at least one. */
export function parseAddressList(values: string[]): string[] {
  const addresses = values.flatMap((value) => value.split(',')).map(parseAddress);
  if (addresses.length === 0) throw new UsageError('give at least one --addr host:port');
  return addresses;
}

/** Runs `read`, turning a UsageError into the usage message and exit status 2. */
export function orExitWithUsage<T>(usage: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UsageError) return exitWithUsage(usage, error.message);
    throw error;
  }
}

/** `flag` names the option in the message, for a server with more than one port. */
export function parsePort(text: string, flag = '--port'): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UsageError(`${flag} must be a whole number from 0 to 65535, got "${text}"`);
  }
  return port;
}

export function parseAddress(text: string): string {
  // host:port, where host may be a name, an IPv4 address or a bracketed IPv6 address.
  const match = /^(\[[0-9a-fA-F:.]+\]|[^\s:[\]]+):(\d+)$/.exec(text);
  if (!match) {
    throw new UsageError(`--addr must look like host:port (for example ${DEFAULT_ADDRESS}), got "${text}"`);
  }
  parsePort(match[2]);
  return text;
}
