// grpc-js reads messages of at most 4 MiB unless told otherwise. The limit is
// checked by the side that receives: for a request, the server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { startServer } from '../../shared/server.ts';
import { GcnClient } from '../gcn-client.ts';
import { addGcnService, GCN_MAX_MESSAGE_BYTES, GCN_SERVER_OPTIONS } from '../gcn-service.ts';
import { JUST_OVER_4_MIB } from '../tour/sample-graphs.ts';

const FOUR_MIB = 4 * 1024 * 1024;

test('a request just over 4 MiB: RESOURCE_EXHAUSTED from a server at the defaults, scores from the chapter’s', async () => {
  assert.ok(JUST_OVER_4_MIB.length > FOUR_MIB && JUST_OVER_4_MIB.length < FOUR_MIB + 16_384, `${JUST_OVER_4_MIB.length} bytes`);
  const defaults = await startServer(addGcnService);
  const chapters = await startServer(addGcnService, { serverOptions: GCN_SERVER_OPTIONS });
  const toDefaults = new GcnClient(defaults.address);
  const toChapters = new GcnClient(chapters.address);
  try {
    await assert.rejects(toDefaults.processEncoded(JUST_OVER_4_MIB), {
      code: status.RESOURCE_EXHAUSTED,
      details: `Received message larger than max (${JUST_OVER_4_MIB.length} vs ${FOUR_MIB})`,
    });
    const scores = await toChapters.processEncoded(JUST_OVER_4_MIB);
    assert.equal(scores.size, 256);
  } finally {
    toDefaults.close();
    toChapters.close();
    await Promise.all([defaults.stop(), chapters.stop()]);
  }
});

test("the chapter's own bound holds: one byte over 64 MiB is RESOURCE_EXHAUSTED before any decoding", async () => {
  const chapters = await startServer(addGcnService, { serverOptions: GCN_SERVER_OPTIONS });
  const client = new GcnClient(chapters.address);
  try {
    // Not even a GraphData: the server refuses on the length prefix alone.
    await assert.rejects(client.processEncoded(Buffer.alloc(GCN_MAX_MESSAGE_BYTES + 1), { deadline: new Date(Date.now() + 10_000) }), {
      code: status.RESOURCE_EXHAUSTED,
      details: `Received message larger than max (${GCN_MAX_MESSAGE_BYTES + 1} vs ${GCN_MAX_MESSAGE_BYTES})`,
    });
  } finally {
    client.close();
    await chapters.stop();
  }
});
