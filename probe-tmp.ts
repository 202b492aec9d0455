import * as grpc from '@grpc/grpc-js';
import { rawClient } from './chapters/08-when-calls-go-wrong/bad-input/raw-calls.ts';
import { chapter04Server, contactServer } from './chapters/08-when-calls-go-wrong/bad-input/servers-04-05.ts';
const asIs = (b: Buffer) => b;
for (const srv of [chapter04Server, contactServer]) {
  const running = await srv.start();
  const client = rawClient(running.address);
  for (const row of srv.rows.filter((r) => r.method.requestStream)) {
    let ended = 0; const N = 30; const codes: Record<string, number> = {};
    for (let i = 0; i < N; i++) {
      const md = srv.metadata?.() ?? new grpc.Metadata();
      const onStatus = (s: grpc.StatusObject) => { ended++; codes[grpc.status[s.code]] = (codes[grpc.status[s.code]] ?? 0) + 1; };
      if (row.method.responseStream) {
        const call = client.makeBidiStreamRequest(row.method.path, asIs, asIs, md, {});
        call.on('data', () => {}); call.on('error', () => {}); call.on('status', onStatus);
        call.write(row.valid); call.write(Buffer.from([0x0f])); call.end();
      } else {
        const call = client.makeClientStreamRequest(row.method.path, asIs, asIs, md, {}, () => {});
        call.on('status', onStatus);
        call.write(row.valid); call.write(Buffer.from([0x0f])); call.end();
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
    console.log(srv.name, row.method.path, `${ended}/${N}`, JSON.stringify(codes));
  }
  client.close();
  await Promise.race([running.stop(), new Promise((r) => setTimeout(r, 500))]);
}
process.exit(0);
