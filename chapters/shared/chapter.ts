// How a chapter runs: as a narrated tour (index.ts), or as two halves in two
// terminals (server.ts and client.ts), like the original tutorials.
import * as grpc from '@grpc/grpc-js';
import { parseClientAddressesArgs, parseClientArgs, parseServerArgs } from './cli.ts';
import { describeError } from './client.ts';
import { startServer, untilStopSignal, type RunningServer, type StartServerOptions } from './server.ts';
import { Transcript } from './transcript.ts';

/** The tour prints this before a chapter's one-line summary. */
export const SUMMARY_MARK = '✔';

/** How a chapter's tour ended: its summary line, or what went wrong. */
export type TourOutcome = { title: string; summary: string } | { title: string; failure: string };

const outcomes: TourOutcome[] = [];

/** Every tour run in this process so far: `npm start` runs all the chapters in one process, then lists them. */
export function tourOutcomes(): readonly TourOutcome[] {
  return outcomes;
}

/**
 * Runs a chapter's tour: prints its title, lets `tour` narrate, then prints the
 * one-line summary it returns. A failure prints the error and sets exit code 1.
 */
export async function runTour(title: string, tour: (transcript: Transcript) => Promise<string>): Promise<void> {
  console.log(title);
  try {
    const summary = await tour(new Transcript());
    console.log(`\n${SUMMARY_MARK} ${summary}`);
    outcomes.push({ title, summary });
  } catch (error) {
    const failure = describeError(error);
    console.error(`\n✖ ${title}: ${failure}`);
    outcomes.push({ title, failure });
    process.exitCode = 1;
  }
}

/** What a server half may add to a plain server: credentials, and server options such as interceptors. */
export type ServerSetup = Pick<StartServerOptions, 'credentials' | 'serverOptions'>;

export interface ServerHalf {
  /** Shown by --help. */
  usage: string;
  /** What is being served, for the log lines ("Greeter (static stubs)"). */
  name: string;
  addServices: (server: grpc.Server) => void;
  /**
   * The port to serve on, for a server.ts that takes more flags than --port
   * and so reads its command line itself. Without it, --port is read here.
   */
  port?: number;
  /** Options for the grpc.Server, such as a raised 'grpc.max_receive_message_length'. */
  serverOptions?: grpc.ServerOptions;
  /**
   * Made once the command line has been read, so that --help does no work:
   * credentials (plaintext if absent) and more server options, such as interceptors.
   */
  prepare?: () => Promise<ServerSetup>;
  /**
   * Runs when the stop signal arrives, before the graceful stop: the moment to
   * end long-lived streams (or the stop waits out its grace period) and to
   * tell health watchers that the server is going away.
   */
  beforeStop?: () => void | Promise<void>;
}

/**
 * grpc-js's own logger (E, I and D lines on stderr, as `@grpc/grpc-js/src/logging.ts`
 * writes them), less one line: when no address can be bound, grpc-js logs
 * "No address added out of total N resolved" and then rejects with the same
 * words and the reason, which runServerHalf prints. The log line would only say
 * it twice, first and rawest.
 */
const loggerWithoutBindFailure: Partial<Console> = {
  error: (message?: unknown, ...rest: unknown[]) => {
    if (String(message).startsWith('No address added')) return;
    console.error(`E ${message}`, ...rest);
  },
  info: (message?: unknown, ...rest: unknown[]) => console.error(`I ${message}`, ...rest),
  debug: (message?: unknown, ...rest: unknown[]) => console.error(`D ${message}`, ...rest),
};

/** `server.ts --port N`: serves on localhost until Ctrl-C, then stops gracefully. */
export async function runServerHalf({ usage, name, addServices, port: givenPort, serverOptions, prepare, beforeStop }: ServerHalf): Promise<void> {
  const port = givenPort ?? parseServerArgs(usage).port;
  let prepared: ServerSetup = {};
  try {
    prepared = (await prepare?.()) ?? {};
  } catch (error) {
    console.error(`could not prepare ${name}: ${describeError(error)}`);
    process.exitCode = 1;
    return;
  }
  let running: RunningServer;
  grpc.setLogger(loggerWithoutBindFailure);
  try {
    // localhost binds loopback only, on both IPv4 and IPv6 where the machine has them.
    running = await startServer(addServices, {
      host: 'localhost',
      port,
      credentials: prepared.credentials,
      serverOptions: { ...serverOptions, ...prepared.serverOptions },
    });
  } catch (error) {
    console.error(`could not listen on localhost:${port}: ${describeError(error)} (is another server using the port? try --port 0)`);
    process.exitCode = 1;
    return;
  }
  console.log(`${name} listening on ${running.address} (Ctrl-C to stop)`);
  const signal = await untilStopSignal();
  console.log(`${signal}: finishing in-flight calls, then stopping`);
  await beforeStop?.();
  await running.stop();
  console.log('stopped');
}

export interface ClientHalf {
  usage: string;
  run: (address: string, transcript: Transcript) => Promise<void>;
}

/** `client.ts --addr host:port`: runs the calls; on failure prints the gRPC status and exits 1. */
export async function runClientHalf({ usage, run }: ClientHalf): Promise<void> {
  const { address } = parseClientArgs(usage);
  await runClientSteps((transcript) => run(address, transcript));
}

/**
 * The body of runClientHalf, for a client half that reads flags of its own
 * besides --addr: runs `steps`; on failure prints the gRPC status and sets exit code 1.
 */
export async function runClientSteps(steps: (transcript: Transcript) => Promise<void>): Promise<void> {
  try {
    await steps(new Transcript());
  } catch (error) {
    console.error(`client failed: ${describeError(error)}`);
    process.exitCode = 1;
  }
}

export interface ManyServersClientHalf {
  usage: string;
  /** The servers to call when no --addr is given. */
  defaultAddresses: string[];
  run: (addresses: string[], transcript: Transcript) => Promise<void>;
}

/** `client.ts --addr a:1 --addr b:2 …`: like runClientHalf, for a client of several servers. */
export async function runManyServersClientHalf({ usage, defaultAddresses, run }: ManyServersClientHalf): Promise<void> {
  const { addresses } = parseClientAddressesArgs(usage, defaultAddresses);
  await runClientSteps((transcript) => run(addresses, transcript));
}
