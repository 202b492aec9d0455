// What compressed requests cost a server that accepts big messages, measured:
// `npx tsx chapters/08-when-calls-go-wrong/bad-input/compressed-load.ts`.
// Starts chapter 07's Outliers server (64 MiB messages) in a child process,
// twice: with only its 64 MiB receive limit, as before lesson 08's bounds,
// then with outliersServerOptions (bigMessageServerOptions: 4 calls in flight). Each
// time, 16 clients on 16 connections send at once a gzip request of about
// 60 KB that inflates to 60 MiB (an unknown field of zeros: it decodes), and
// the child's peak RSS (VmHWM) is read from /proc. Linux only.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:http2';
import { gzipSync } from 'node:zlib';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { addOutliers, MAX_MESSAGE_BYTES, outliersServerOptions } from '../../07-metrics-outliers/outliers-service.ts';
import { lengthField } from './hostile-bytes.ts';
import { framePrefix } from './raw-calls.ts';

const CLIENTS = 16;
const INFLATED = 60 * 1024 * 1024;

if (process.argv[2] === 'serve') {
  const limited = process.argv[3] === 'bigMessageServerOptions';
  // Before: what chapter 07 passed until lesson 08's bounds; after: what it passes now.
  const options = limited ? outliersServerOptions : { 'grpc.max_receive_message_length': MAX_MESSAGE_BYTES };
  const server = new Server(options);
  addOutliers(server);
  server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, port) => {
    if (error) throw error;
    console.log(port);
  });
} else {
  const body = gzipSync(lengthField(1_000, Buffer.alloc(INFLATED - 8)));
  const framed = Buffer.concat([framePrefix(body.length, true), body]);
  for (const mode of ['64 MiB limit only', 'bigMessageServerOptions']) {
    const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, 'serve', mode], { stdio: ['ignore', 'pipe', 'inherit'] });
    const port = await new Promise<number>((resolve) => child.stdout.once('data', (data: Buffer) => resolve(Number(data.toString().trim()))));
    const peakMiB = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024;
    const before = peakMiB();
    const statuses = await Promise.all(
      Array.from({ length: CLIENTS }, () =>
        new Promise<string>((resolve) => {
          const session = connect(`http://127.0.0.1:${port}`);
          const request = session.request({ ':method': 'POST', ':path': '/pb.Outliers/Detect', 'content-type': 'application/grpc', te: 'trailers', 'grpc-encoding': 'gzip' });
          let code = 'none';
          request.on('response', (headers) => (code = String(headers['grpc-status'] ?? code)));
          request.on('trailers', (trailers) => (code = String(trailers['grpc-status'] ?? code)));
          request.on('data', () => {});
          request.on('close', () => {
            session.close();
            resolve(code);
          });
          request.end(framed);
        }),
      ),
    );
    const tally = new Map<string, number>();
    for (const code of statuses) tally.set(code, (tally.get(code) ?? 0) + 1);
    const counts = [...tally].map(([code, count]) => `${count} × status ${code}`);
    console.log(`${mode}: ${body.length} bytes of gzip each, inflating to ${INFLATED / 2 ** 20} MiB; peak RSS ${before.toFixed(0)} MiB idle → ${peakMiB().toFixed(0)} MiB; ${counts.join(', ')}`);
    child.kill();
  }
}
