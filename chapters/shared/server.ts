// Starting and stopping a gRPC server: the part every chapter needs and no
// chapter should write again.
import * as grpc from '@grpc/grpc-js';

/** How long a stopping server lets in-flight calls finish before cancelling them. */
export const DEFAULT_GRACE_MS = 5_000;

export interface RunningServer {
  readonly server: grpc.Server;
  /** The port actually bound: the one asked for, or the one the OS picked for port 0. */
  readonly port: number;
  /** host:port, ready to hand to a client. */
  readonly address: string;
  /**
   * Stops accepting calls, waits for the in-flight ones, and cancels whatever is
   * still running after `graceMs`. Safe to call more than once.
   */
  stop(graceMs?: number): Promise<void>;
}

export interface StartServerOptions {
  /** 127.0.0.1 by default: tests and tours never listen beyond loopback. */
  host?: string;
  /** 0 (the default) lets the OS pick a free port, so runs never collide. */
  port?: number;
  serverOptions?: grpc.ServerOptions;
  credentials?: grpc.ServerCredentials;
}

/**
 * Creates a server with `serverOptions`, lets `addServices` register handlers
 * on it, and binds it. Nothing else: the limits a server keeps and the checks
 * it makes are in its own options and registrations (chapter 08).
 */
export async function startServer(
  addServices: (server: grpc.Server) => void,
  { host = '127.0.0.1', port = 0, serverOptions, credentials = grpc.ServerCredentials.createInsecure() }: StartServerOptions = {},
): Promise<RunningServer> {
  const server = new grpc.Server(serverOptions);
  addServices(server);
  // bindAsync also starts serving (grpc-js 1.10+), so there is no start() call.
  const boundPort = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${port}`, credentials, (error, bound) => (error ? reject(error) : resolve(bound)));
  });
  const hostForAddress = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  let stopping: Promise<void> | undefined;
  return {
    server,
    port: boundPort,
    address: `${hostForAddress}:${boundPort}`,
    stop(graceMs = DEFAULT_GRACE_MS) {
      stopping ??= shutDownGracefully(server, graceMs);
      return stopping;
    },
  };
}

function shutDownGracefully(server: grpc.Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const deadline = setTimeout(() => {
      // Grace is over: cancel the remaining calls (their clients see CANCELLED).
      server.forceShutdown();
      resolve();
    }, graceMs);
    server.tryShutdown(() => {
      clearTimeout(deadline);
      resolve();
    });
  });
}

/**
 * Resolves at the first SIGINT (Ctrl-C) or SIGTERM. A second signal while the
 * server is still draining exits at once, as a user pressing Ctrl-C twice expects.
 */
export function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      process.once('SIGINT', () => process.exit(130)).once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  });
}
