// A pairing is one client language calling one server language for one
// service. This file lists them, starts the servers they need, and runs one.
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { runProcess, startServerProcess, type ServerProcess } from '../../shared/testing.ts';
import { firstDifference, parseRecords, type CallRecord } from './call-records.ts';
import { goClientBinary } from '../tools/go-clients.ts';
import { openTypeScriptServers, PEER_SERVICES, typeScriptServerOptions, type PeerService } from '../peer-services.ts';
import { CHAPTER_DIR, PYTHON } from '../tools/toolchain.ts';
import { runScenario } from './ts-client.ts';

export const CLIENT_LANGUAGES = ['TypeScript', 'Python', 'Go'] as const;
export const SERVER_LANGUAGES = ['TypeScript', 'Python'] as const;
export type ClientLanguage = (typeof CLIENT_LANGUAGES)[number];
export type ServerLanguage = (typeof SERVER_LANGUAGES)[number];

export interface Pairing {
  service: PeerService;
  client: ClientLanguage;
  server: ServerLanguage;
}

export const describePairing = ({ service, client, server }: Pairing) => `${client} client → ${server} server: ${service.name}`;

/**
 * Every pairing of a client and a server in different languages, plus Python
 * with Python: if that pair disagrees too, the Python side is the one to fix.
 * TypeScript with TypeScript is the subject of the other chapters. A pairing
 * whose side is missing is listed only while a chapter is expected to bring
 * it (`waitsFor`): the original tutorials' other services have Python clients
 * and TypeScript servers, and nothing else.
 */
export function allPairings(): Pairing[] {
  return PEER_SERVICES.flatMap((service) =>
    CLIENT_LANGUAGES.flatMap((client) =>
      SERVER_LANGUAGES.filter((server) => server !== client || client === 'Python')
        .map((server) => ({ service, client, server }))
        .filter((pairing) => service.waitsFor !== undefined || missingSide(pairing) === undefined),
    ),
  );
}

/** Why a pairing cannot run yet ("waits for chapter 07"), or undefined when both sides exist. */
export function missingSide({ service, client, server }: Pairing): string | undefined {
  const hasClient = { TypeScript: service.scenario !== undefined, Python: service.pythonClient !== undefined, Go: service.goClient !== undefined }[client];
  const hasTypeScriptServer = service.addTypeScriptServer !== undefined || service.openTypeScriptServer !== undefined;
  const hasServer = { TypeScript: hasTypeScriptServer, Python: service.pythonServer }[server];
  return hasClient && hasServer ? undefined : `waits for ${service.waitsFor ?? 'an implementation'}`;
}

export interface PeerServers {
  addresses: Record<ServerLanguage, string>;
  stop(): Promise<void>;
}

/** The TypeScript server with every TypeScript implementation, and python/server.py, both on free loopback ports. */
export async function startPeerServers(): Promise<PeerServers> {
  const implementations = await openTypeScriptServers();
  let typeScript: RunningServer;
  let python: ServerProcess;
  try {
    typeScript = await startServer(implementations.add, { serverOptions: typeScriptServerOptions() });
  } catch (error) {
    await implementations.close();
    throw error;
  }
  try {
    python = await startPythonServer();
  } catch (error) {
    await typeScript.stop();
    await implementations.close();
    throw error;
  }
  return {
    addresses: { TypeScript: typeScript.address, Python: python.address },
    async stop() {
      await Promise.all([typeScript.stop().then(() => implementations.close()), python.interrupt()]);
    },
  };
}

/** python/server.py on a free port; a benchmark passes a longer `lifetimeMs` than the default minute. */
export function startPythonServer(options?: { lifetimeMs?: number }): Promise<ServerProcess> {
  return startServerProcess(PYTHON, [join(CHAPTER_DIR, 'python/server.py'), '--port', '0'], options);
}

/** Runs a foreign client to completion and returns the records it printed. */
async function recordsFrom(command: string, args: string[]): Promise<CallRecord[]> {
  const result = await runProcess(command, args, { timeoutMs: 60_000 });
  const records = parseRecords(result.stdout);
  if (records.length === 0) {
    throw new Error(`${command} exited with ${result.code} and reported no calls:\n${result.stderr}`);
  }
  return records;
}

/** Runs the pairing's client against its server and returns what the client saw. */
export function runPairing({ service, client, server }: Pairing, servers: PeerServers): Promise<CallRecord[]> {
  return runClient(service, client, servers.addresses[server]);
}

/** Runs `service`'s client in `language` against whatever serves at `address`. */
export async function runClient(service: PeerService, language: ClientLanguage, address: string): Promise<CallRecord[]> {
  switch (language) {
    case 'TypeScript':
      return runScenario(address, required(service.scenario, service, language));
    case 'Python':
      return recordsFrom(PYTHON, [join(CHAPTER_DIR, 'python', required(service.pythonClient, service, language)), '--addr', address]);
    case 'Go':
      return recordsFrom(await goClientBinary(required(service.goClient, service, language)), ['--addr', address]);
  }
}

function required<T>(client: T | undefined, service: PeerService, language: ClientLanguage): T {
  if (client === undefined) throw new Error(`${service.name} has no ${language} client yet`);
  return client;
}

/** How a pairing went, as a cell of the matrix shows it. */
export type Verdict =
  | { kind: 'agreed'; calls: number }
  | { kind: 'differs'; detail: string }
  | { kind: 'waiting'; detail: string }
  | { kind: 'skipped' };

/** Runs the pairing if it can run, and compares what its client saw with the scenario. */
export async function checkPairing(pairing: Pairing, servers: PeerServers | undefined): Promise<Verdict> {
  const waiting = missingSide(pairing);
  if (waiting) return { kind: 'waiting', detail: waiting };
  if (!servers) return { kind: 'skipped' };
  const expected = pairing.service.expected;
  try {
    const difference = firstDifference(await runPairing(pairing, servers), expected, pairing.service.tolerance);
    return difference ? { kind: 'differs', detail: difference } : { kind: 'agreed', calls: expected.length };
  } catch (error) {
    return { kind: 'differs', detail: error instanceof Error ? error.message : String(error) };
  }
}

export interface CheckedPairing {
  pairing: Pairing;
  verdict: Verdict;
}

/**
 * Checks every pairing, `inFlight` at a time: client processes spend most of
 * their life starting up, so a few side by side finish sooner, but a dozen at
 * once on two cores only slow each other down.
 */
export async function checkAllPairings(servers: PeerServers | undefined, inFlight = 3): Promise<CheckedPairing[]> {
  const pairings = allPairings();
  const checked: CheckedPairing[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < pairings.length; i = next++) {
      checked[i] = { pairing: pairings[i], verdict: await checkPairing(pairings[i], servers) };
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return checked;
}
