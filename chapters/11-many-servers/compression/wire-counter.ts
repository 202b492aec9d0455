// A TCP proxy that counts bytes: put it between a client and a server and it
// tells you what really crossed the wire, HTTP/2 framing and headers included.
// The instrument for the compression measurements; it forwards bytes as they
// are and understands nothing of them.
import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface ByteCounts {
  /** Bytes from clients to the server. */
  up: number;
  /** Bytes from the server back to clients. */
  down: number;
  /** TCP connections clients opened through the proxy. */
  connections: number;
}

export interface WireCounter {
  /** 127.0.0.1:port: give this to the client instead of the server's address. */
  readonly address: string;
  /** A snapshot of the totals so far. */
  counts(): ByteCounts;
  /** Stops listening and drops every connection; safe to call more than once. */
  close(): Promise<void>;
}

export async function startWireCounter(serverPort: number): Promise<WireCounter> {
  const totals: ByteCounts = { up: 0, down: 0, connections: 0 };
  const sockets = new Set<Socket>();
  let closing: Promise<void> | undefined;
  const track = (socket: Socket) => {
    // Forward every write at once, as grpc-js does on its own sockets; with
    // Nagle's algorithm on, small frames would wait up to 40 ms for company.
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A reset on one side ends the other side too, and must not crash us.
    socket.on('error', () => {});
  };
  const proxy = createServer((client) => {
    totals.connections++;
    const server = connect({ host: '127.0.0.1', port: serverPort });
    track(client);
    track(server);
    client.on('data', (chunk: Buffer) => (totals.up += chunk.length));
    server.on('data', (chunk: Buffer) => (totals.down += chunk.length));
    client.pipe(server);
    server.pipe(client);
    client.once('close', () => server.destroy());
    server.once('close', () => client.destroy());
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  return {
    address: `127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    counts: () => ({ ...totals }),
    close() {
      // Every connection through the proxy drops at once, as if a cable were cut.
      closing ??= new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
