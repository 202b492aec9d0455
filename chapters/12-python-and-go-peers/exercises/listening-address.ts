// Exercise 12-A: find out where a server in another language listens.
//
// A server started with --port 0 lets the system pick a free port, then says
// which on its standard output, for example:
//   Python server (helloworld.Greeter, …) listening on 127.0.0.1:40453 (Ctrl-C to stop)
// That line is how this chapter's tests find the Python server without fixed
// ports or sleeps. Implement listeningAddress(output, timeoutMs):
//   - resolve with the host:port after "listening on ", once the blank that
//     follows it has arrived. Output comes in chunks, and a chunk may end
//     anywhere: in the middle of the address, or of a multi-byte character;
//   - reject with an Error whose message includes everything read so far if
//     the output ends first, or if `timeoutMs` pass first.
//
// Check your work: npm run exercises -- 12
import type { Readable } from 'node:stream';

export function listeningAddress(output: Readable, timeoutMs: number): Promise<string> {
  // TODO: read `output` until "listening on host:port " appears.
  return Promise.reject(new Error('TODO: read the address from the output'));
}
