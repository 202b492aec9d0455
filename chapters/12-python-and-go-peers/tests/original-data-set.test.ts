// The original client.go discarded the result of t.Add, so all 1,000 of its
// readings carried the same time. A server that records what it receives
// checks that every client here sends the data set as intended.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pb } from '../../../generated/static/outliers.ts';
import { unaryHandler, type SomeHandlers } from '../../shared/handlers.ts';
import { startServer, type RunningServer } from '../../shared/server.ts';
import { FIRST_READING_SECONDS, PLANTED_OUTLIERS, READINGS } from '../originals/original-data-set.ts';
import { buildGoClients } from '../tools/go-clients.ts';
import { peerService } from '../peer-services.ts';
import { CLIENT_LANGUAGES, runClient } from '../pairings/pairings.ts';
import { peerSkip, requirePeers } from '../tools/toolchain.ts';

const outliers = peerService('pb.Outliers');

describe('every client sends the original data set: 1,000 CPU readings, one second apart', () => {
  let server: RunningServer;
  const received: pb.OutliersRequest[] = [];
  before(async () => {
    server = await startServer((s) =>
      s.addService(pb.UnimplementedOutliersService.definition, {
        Detect: unaryHandler((request: pb.OutliersRequest) => {
          received.push(request);
          return new pb.OutliersResponse();
        }),
      } satisfies SomeHandlers<pb.UnimplementedOutliersService>),
    );
  });
  after(() => server.stop());

  for (const client of CLIENT_LANGUAGES) {
    const skip = client === 'TypeScript' ? false : peerSkip();
    test(`${client} client`, { skip }, async () => {
      if (client !== 'TypeScript') {
        requirePeers();
        await buildGoClients();
      }
      received.length = 0;
      // The recording server answers every call with no indices, so the records are not the point here.
      await runClient(outliers, client, server.address);
      const dataSet = received[0]?.metrics ?? [];
      assert.equal(dataSet.length, READINGS);
      dataSet.forEach((metric, i) => {
        assert.equal(metric.time.seconds, FIRST_READING_SECONDS + i, `reading ${i} is ${i} s after the first`);
        assert.equal(metric.time.nanos, 0);
        assert.equal(metric.name, 'CPU');
        const planted = PLANTED_OUTLIERS.get(i);
        if (planted !== undefined) assert.equal(metric.value, planted);
        else assert.ok(metric.value >= 0 && metric.value < 40, `reading ${i} is ${metric.value}, not in [0, 40)`);
      });
    });
  }
});
