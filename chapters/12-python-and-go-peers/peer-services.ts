// Which services have peers in which languages. Each entry is one row group
// of the matrix; a missing implementation shows as "waits for …" until the
// chapter that brings it lands, and then is one line here.
import type { Server, ServerOptions } from '@grpc/grpc-js';
import { addStaticGreeter } from '../02-unary-hello/static-greeter.ts';
import { addMyService } from '../03-calculator-and-users/users.ts';
import { addGcnService, GCN_SERVER_OPTIONS } from '../06-gcn-scoring/gcn-service.ts';
import { addOutliers, outliersServerOptions } from '../07-metrics-outliers/outliers-service.ts';
import type { GoClient } from './go-clients.ts';
import { gcnScenario, greeterScenario, myServiceScenario, outliersScenario } from './scenarios.ts';
import type { ScenarioCall } from './ts-client.ts';

export interface PeerService {
  /** As in the call path: /helloworld.Greeter/SayHello. */
  name: string;
  /** The calls every client makes, with the outcomes every server must give. The TypeScript client runs it. */
  scenario: readonly ScenarioCall[];
  /** How far a number in a reply may stray from the scenario's (relative, see agreeWithin); 0 or absent: exactly. */
  tolerance?: number;
  /** Registers the TypeScript implementation, from the chapter that teaches it. */
  addTypeScriptServer?: (server: Server) => void;
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

export const PEER_SERVICES: readonly PeerService[] = [
  {
    name: 'helloworld.Greeter',
    scenario: greeterScenario,
    addTypeScriptServer: addStaticGreeter,
    pythonServer: true,
    pythonClient: 'greeter_client.py',
    goClient: 'greeter-client',
  },
  {
    name: 'MyService',
    scenario: myServiceScenario,
    addTypeScriptServer: addMyService,
    pythonServer: true,
    pythonClient: 'users_client.py',
    goClient: 'users-client',
  },
  {
    name: 'pb.Outliers',
    scenario: outliersScenario,
    addTypeScriptServer: (server) => addOutliers(server),
    serverOptions: outliersServerOptions,
    pythonServer: true,
    pythonClient: 'outliers_client.py',
    goClient: 'outliers-client',
  },
  {
    name: 'GCNService',
    scenario: gcnScenario,
    // Scores are float32, printed to different lengths by each language, and
    // two servers' float64 sums may round differently in the last place.
    tolerance: 1e-5,
    addTypeScriptServer: (server) => addGcnService(server),
    serverOptions: GCN_SERVER_OPTIONS,
    pythonServer: true,
    pythonClient: 'gcn_client.py',
    goClient: 'gcn-client',
  },
];

export function peerService(name: string): PeerService {
  const service = PEER_SERVICES.find((candidate) => candidate.name === name);
  if (!service) throw new Error(`no service ${name} in the interop table`);
  return service;
}

/** Every TypeScript implementation in the table, on one server. */
export function addTypeScriptServers(server: Server): void {
  for (const service of PEER_SERVICES) service.addTypeScriptServer?.(server);
}

/** The options every TypeScript implementation in the table needs, together. */
export function typeScriptServerOptions(): ServerOptions {
  return Object.assign({}, ...PEER_SERVICES.map((service) => service.serverOptions ?? {}));
}
