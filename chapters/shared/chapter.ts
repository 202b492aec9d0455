// How a chapter runs: as a narrated tour (index.ts), or as two halves in two
// terminals (server.ts and client.ts), like the original tutorials.
import type * as grpc from '@grpc/grpc-js';
import { parseClientArgs, parseServerArgs } from './cli.ts';
import { describeError } from './client.ts';
import { startServer, untilStopSignal, type RunningServer } from './server.ts';
import { Transcript } from './transcript.ts';

/** The tour prints this before a chapter's one-line summary, and `npm start` collects those lines. */
export const SUMMARY_MARK = '✔';

/**
 * Runs a chapter's tour: prints its title, lets `tour` narrate, then prints the
 * one-line summary it returns. A failure prints the error and sets exit code 1.
 */
export async function runTour(title: string, tour: (transcript: Transcript) => Promise<string>): Promise<void> {
  console.log(title);
  try {
    const summary = await tour(new Transcript());
    console.log(`\n${SUMMARY_MARK} ${summary}`);
  } catch (error) {
    console.error(`\n✖ ${title}: ${describeError(error)}`);
    process.exitCode = 1;
  }
}

export interface ServerHalf {
  /** Shown by --help. */
  usage: string;
  /** What is being served, for the log lines ("Greeter (static stubs)"). */
  name: string;
  addServices: (server: grpc.Server) => void;
  /** Options for the grpc.Server, such as a larger 'grpc.max_receive_message_length'. */
  serverOptions?: grpc.ServerOptions;
}

/** `server.ts --port N`: serves on localhost until Ctrl-C, then stops gracefully. */
export async function runServerHalf({ usage, name, addServices, serverOptions }: ServerHalf): Promise<void> {
  const { port } = parseServerArgs(usage);
  let running: RunningServer;
  try {
    // localhost binds loopback only, on both IPv4 and IPv6 where the machine has them.
    running = await startServer(addServices, { host: 'localhost', port, serverOptions });
  } catch (error) {
    console.error(`could not listen on localhost:${port}: ${describeError(error)} (is another server using the port? try --port 0)`);
    process.exitCode = 1;
    return;
  }
  console.log(`${name} listening on ${running.address} (Ctrl-C to stop)`);
  const signal = await untilStopSignal();
  console.log(`${signal}: finishing in-flight calls, then stopping`);
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
  try {
    await run(address, new Transcript());
  } catch (error) {
    console.error(`client failed: ${describeError(error)}`);
    process.exitCode = 1;
  }
}
