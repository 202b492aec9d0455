// A fleet on one machine: each backend on its own loopback port, as each
// would be on its own host in production.
import type { ChannelOptions } from '@grpc/grpc-js';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { greeterBackend, type GreeterBackend, type Misbehaviour } from '../backend.ts';
import { openFleetGreeter, type FleetGreeter } from '../fleet-client.ts';
import { staticTarget } from '../fleet-target.ts';
import { SERVER_OPTIONS } from '../../shared/server-options.ts';

export interface RunningFleet {
  readonly backends: Record<string, GreeterBackend>;
  readonly servers: Record<string, RunningServer>;
  /** ipv4:127.0.0.1:p1,127.0.0.1:p2,…: one target naming every backend. */
  readonly target: string;
  /** Stops every backend still running, giving in-flight calls `graceMs` to finish. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts one backend per entry: { a: {}, flaky: { refuseNext: 2 } }. */
export async function startFleet(members: Record<string, Misbehaviour>): Promise<RunningFleet> {
  const backends: Record<string, GreeterBackend> = {};
  const servers: Record<string, RunningServer> = {};
  try {
    for (const [name, misbehaviour] of Object.entries(members)) {
      backends[name] = greeterBackend(name, misbehaviour);
      servers[name] = await startServer(backends[name].addTo, { serverOptions: SERVER_OPTIONS });
    }
  } catch (error) {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
    throw error;
  }
  return {
    backends,
    servers,
    target: staticTarget(Object.values(servers).map((server) => server.address)),
    stop: async (graceMs) => void (await Promise.all(Object.values(servers).map((server) => server.stop(graceMs)))),
  };
}

export interface FleetAndClient extends AsyncDisposable {
  readonly fleet: RunningFleet;
  /** One channel over every backend of the fleet. */
  readonly client: FleetGreeter;
}

/**
 * A fleet and a client of all of it, for tests: with `await using`, both are
 * closed and stopped when the block ends, however it ends.
 */
export async function fleetAndClient(members: Record<string, Misbehaviour>, channelOptions: ChannelOptions = {}): Promise<FleetAndClient> {
  const fleet = await startFleet(members);
  const client = openFleetGreeter(fleet.target, channelOptions);
  return {
    fleet,
    client,
    async [Symbol.asyncDispose]() {
      client.close();
      await fleet.stop();
    },
  };
}
