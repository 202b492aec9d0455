// Chapter 12, client half: the TypeScript client makes every scenario's calls
// against a server in any language, typically python/server.py.
import { status } from '@grpc/grpc-js';
import { runClientHalf } from '../shared/chapter.ts';
import { describeRecord, firstDifference } from './pairings/call-records.ts';
import { PEER_SERVICES } from './peer-services.ts';
import { runScenario } from './pairings/ts-client.ts';

// The original tutorials' other services have Python clients only (see peer-services.ts).
const called = PEER_SERVICES.filter((service) => service.scenario !== undefined);

await runClientHalf({
  usage: `Usage: npx tsx chapters/12-python-and-go-peers/client.ts [--addr localhost:50051]

Makes the calls every client of ${called.map((service) => service.name).join(', ')} makes,
and checks each outcome. Start a server first, in Python:
  /usr/bin/python3 chapters/12-python-and-go-peers/python/server.py --port 50051
or in TypeScript: npx tsx chapters/12-python-and-go-peers/server.ts
A service the server does not have is reported and skipped. Exits 1 if the
server cannot be reached or answers differently.`,
  async run(address, t) {
    let differing = 0;
    for (const service of called) {
      if (!service.scenario) continue;
      t.step(`${service.name} at ${address}`);
      const records = await runScenario(address, service.scenario);
      const first = records[0];
      if (first && 'code' in first && first.code === status.UNAVAILABLE) {
        throw new Error(`UNAVAILABLE (${status.UNAVAILABLE}): ${first.details}`);
      }
      if (first && 'code' in first && first.code === status.UNIMPLEMENTED) {
        t.note('not served at this address (UNIMPLEMENTED)');
        continue;
      }
      for (const record of records) t.note(describeRecord(record));
      const difference = firstDifference(records, service.expected, service.tolerance);
      if (difference) differing++;
      t.note(difference ? `✖ ${difference}` : '✔ the outcomes every client expects');
    }
    if (differing > 0) throw new Error(`${differing} service(s) answered differently`);
  },
});
