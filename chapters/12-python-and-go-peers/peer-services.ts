// Which services have peers in which languages. Each entry is one row group
// of the matrix; a missing implementation shows as "waits for …" until the
// chapter that brings it lands, and then is one line here.
import type { Server, ServerOptions } from '@grpc/grpc-js';
import { addStaticGreeter } from '../02-unary-hello/static-greeter.ts';
import { addMyService } from '../03-calculator-and-users/users.ts';
import { addGcnService, GCN_SERVER_OPTIONS } from '../06-gcn-scoring/gcn-service.ts';
import { addOutliers, outliersServerOptions } from '../07-metrics-outliers/outliers-service.ts';
import { addCal } from '../03-calculator-and-users/calculator.ts';
import { addCompute } from '../03-calculator-and-users/compute.ts';
import { CONTACT_SERVER_OPTIONS } from '../05-two-way-push/contact-service.ts';
import type { CallRecord } from './pairings/call-records.ts';
import type { GoClient } from './tools/go-clients.ts';
import { addInteropRouteGuide, openInteropContact } from './originals/original-servers.ts';
import { calSequence, computeSequence, contactSequence, routeGuideSequence } from './originals/original-sequences.ts';
import { gcnScenario, greeterScenario, myServiceScenario, outliersScenario } from './scenarios.ts';
import type { ScenarioCall } from './pairings/ts-client.ts';

export interface PeerService {
  /** As in the call path: /helloworld.Greeter/SayHello. */
  name: string;
  /** What every client must see, call by call, whichever server answers. */
  expected: readonly CallRecord[];
  /** The same calls, as the TypeScript client makes them; absent where only the original tutorials' Python client calls the service. */
  scenario?: readonly ScenarioCall[];
  /** How far a number in a reply may stray from the scenario's (relative, see agreeWithin); 0 or absent: exactly. */
  tolerance?: number;
  /** Registers the TypeScript implementation, from the chapter that teaches it. */
  addTypeScriptServer?: (server: Server) => void;
  /** For a TypeScript implementation that keeps state on disk: opens it, ready to register (Contact's journal). */
  openTypeScriptServer?: () => Promise<OpenedImplementation>;
  /** What the TypeScript server needs to serve it, such as a higher receive limit. */
  serverOptions?: ServerOptions;
  /** Whether python/server.py serves it. */
  pythonServer: boolean;
  /** The Python client, a file in python/. */
  pythonClient?: string;
  goClient?: GoClient;
  /** Shown in the cells whose implementation is still missing. */
  waitsFor?: string;
}

/** A TypeScript implementation that holds something open (a file): register it, and close it once the server has stopped. */
export interface OpenedImplementation {
  add(server: Server): void;
  close(): Promise<void>;
}

/** The expected records and the TypeScript client's calls, from one scenario. */
const fromScenario = (scenario: readonly ScenarioCall[]) => ({ scenario, expected: scenario.map((call) => call.expected) });

export const PEER_SERVICES: readonly PeerService[] = [
  {
    name: 'helloworld.Greeter',
    ...fromScenario(greeterScenario),
    addTypeScriptServer: addStaticGreeter,
    pythonServer: true,
    pythonClient: 'greeter_client.py',
    goClient: 'greeter-client',
  },
  {
    name: 'MyService',
    ...fromScenario(myServiceScenario),
    addTypeScriptServer: addMyService,
    pythonServer: true,
    pythonClient: 'users_client.py',
    goClient: 'users-client',
  },
  {
    name: 'pb.Outliers',
    ...fromScenario(outliersScenario),
    addTypeScriptServer: (server) => addOutliers(server),
    serverOptions: outliersServerOptions,
    pythonServer: true,
    pythonClient: 'outliers_client.py',
    goClient: 'outliers-client',
  },
  {
    name: 'GCNService',
    ...fromScenario(gcnScenario),
    // Scores are float32, printed to different lengths by each language, and
    // two servers' float64 sums may round differently in the last place.
    tolerance: 1e-5,
    addTypeScriptServer: (server) => addGcnService(server),
    serverOptions: GCN_SERVER_OPTIONS,
    pythonServer: true,
    pythonClient: 'gcn_client.py',
    goClient: 'gcn-client',
  },
  // The original tutorials' other services. Their clients were Python, so a
  // Python client makes the original's calls, in the original's order, against
  // the chapter's TypeScript server; the expected records are in originals/original-sequences.ts.
  {
    name: 'Cal',
    expected: calSequence,
    addTypeScriptServer: (server) => addCal(server),
    pythonServer: false,
    pythonClient: 'cal_client.py',
  },
  {
    name: 'compute.Compute',
    expected: computeSequence,
    addTypeScriptServer: addCompute,
    pythonServer: false,
    pythonClient: 'compute_client.py',
  },
  {
    name: 'routeguide.RouteGuide',
    expected: routeGuideSequence,
    addTypeScriptServer: addInteropRouteGuide,
    pythonServer: false,
    pythonClient: 'route_guide_client.py',
  },
  {
    name: 'Contact',
    expected: contactSequence,
    openTypeScriptServer: openInteropContact,
    serverOptions: CONTACT_SERVER_OPTIONS,
    pythonServer: false,
    pythonClient: 'contact_client.py',
  },
];

export function peerService(name: string): PeerService {
  const service = PEER_SERVICES.find((candidate) => candidate.name === name);
  if (!service) throw new Error(`no service ${name} in the interop table`);
  return service;
}

/** Every TypeScript implementation in the table that holds nothing open, on one server. */
export function addTypeScriptServers(server: Server): void {
  for (const service of PEER_SERVICES) service.addTypeScriptServer?.(server);
}

/** Every TypeScript implementation in the table, the ones that hold something open included. */
export async function openTypeScriptServers(): Promise<OpenedImplementation> {
  const opened: OpenedImplementation[] = [];
  try {
    for (const service of PEER_SERVICES) if (service.openTypeScriptServer) opened.push(await service.openTypeScriptServer());
  } catch (error) {
    await Promise.all(opened.map((implementation) => implementation.close()));
    throw error;
  }
  return {
    add(server) {
      addTypeScriptServers(server);
      for (const implementation of opened) implementation.add(server);
    },
    close: async () => void (await Promise.all(opened.map((implementation) => implementation.close()))),
  };
}

/** The options every TypeScript implementation in the table needs, together. */
export function typeScriptServerOptions(): ServerOptions {
  return Object.assign({}, ...PEER_SERVICES.map((service) => service.serverOptions ?? {}));
}
