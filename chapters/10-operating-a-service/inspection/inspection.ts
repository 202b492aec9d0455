// What an operator can learn from a running server without its .proto files:
// what it serves (reflection), whether each part is healthy (health), and how
// its calls are going (channelz). Shared by the tour and client.ts.
import type { Transcript } from '../../shared/transcript.ts';
import { serverCounts } from './channelz.ts';
import { Descriptors } from './describe.ts';
import { checkHealth, Health, healthClient } from './health-client.ts';
import { callMethod } from './method-calls.ts';
import { ReflectionClient } from './reflection-client.ts';

export interface Inspection {
  /** Service names as the reflection service listed them. */
  services: string[];
  /** Health statuses by name, as Health.List returned them. */
  health: Record<string, string>;
}

/** What the inspection describes in full: a service, and a message it uses. */
export const DESCRIBED = ['routeguide.RouteGuide', 'routeguide.Feature'];

export async function inspect(address: string, t: Transcript): Promise<Inspection> {
  const reflection = new ReflectionClient(address);
  // A generic client calls any method it is given a definition for: here
  // Health's and channelz's.
  const client = healthClient(address);
  try {
    t.step('Reflection: what does this server serve? No .proto file needed');
    t.sent('/grpc.reflection.v1.ServerReflection/ServerReflectionInfo', { listServices: '*' });
    const services = await reflection.listServices();
    for (const name of services) t.note(`← ${name}`);
    t.note('A service without a package (Cal, MyService) comes back with a leading dot: a quirk of @grpc/reflection 1.0.4.');
    for (const symbol of DESCRIBED) {
      t.sent('/grpc.reflection.v1.ServerReflection/ServerReflectionInfo', { fileContainingSymbol: symbol });
      const files = await reflection.filesContaining(symbol);
      t.note(`← ${files.length} FileDescriptorProto(s): ${files.map((file) => file.getName()).join(', ')}`);
      for (const line of new Descriptors(files).describe(symbol).split('\n')) t.note(`    ${line}`);
    }

    t.step('Health: one status per service name, and "" for the whole server');
    t.sent(Health.List.path, {});
    const { statuses } = await callMethod(client, Health.List, {});
    const health = Object.fromEntries(Object.entries(statuses).map(([name, { status }]) => [name, status]));
    t.received(health);
    t.sent(Health.Check.path, { service: 'nosuch.Service' });
    try {
      t.received({ status: await checkHealth(client, 'nosuch.Service') });
    } catch (error) {
      t.failed(error);
    }

    t.step('channelz: the server counts its own calls');
    t.sent('/grpc.channelz.v1.Channelz/GetServers', { start_server_id: 0 });
    // channelz reports every server in the process; keep the one we called.
    const port = address.slice(address.lastIndexOf(':'));
    for (const counts of (await serverCounts(client)).filter(({ listening }) => listening.some((at) => at.endsWith(port)))) {
      t.note(`← server ${counts.id} on ${counts.listening.join(', ')}: ${counts.callsStarted} calls started, ${counts.callsSucceeded} succeeded, ${counts.callsFailed} failed`);
    }
    t.note('The one call started but not finished is this GetServers itself.');
    return { services, health };
  } finally {
    reflection.close();
    client.close();
  }
}
