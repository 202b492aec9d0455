// A TCP proxy that can go silent. freeze() stops forwarding in both
// directions but keeps every socket open: what a peer looks like when its
// machine loses power, or when a NAT or firewall between the two forgets the
// connection. No FIN and no RST reach either side, so neither can tell a dead
// peer from a slow one, except by a timeout.
import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface FreezableProxy {
  /** host:port for clients to connect to instead of the server. */
  readonly address: string;
  freeze(): void;
  /** Closes every connection and stops listening. */
  close(): Promise<void>;
}

export async function startFreezableProxy(targetPort: number, host = '127.0.0.1'): Promise<FreezableProxy> {
  const sockets = new Set<Socket>();
  let frozen = false;
  const silence = (socket: Socket) => {
    socket.unpipe();
    socket.pause(); // stop reading: bytes wait in the kernel, forwarded to nobody
  };
  const server = createServer((downstream) => {
    const upstream = connect(targetPort, host);
    for (const [socket, other] of [[downstream, upstream], [upstream, downstream]] as const) {
      sockets.add(socket);
      socket.on('close', () => {
        sockets.delete(socket);
        if (!frozen) other.destroy(); // frozen, it forwards nothing, not even a close
      });
      socket.on('error', () => socket.destroy()); // a reset is reported by 'close' to the pair
      if (frozen) silence(socket);
      else socket.pipe(other);
    }
  });
  server.listen(0, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    address: `${host}:${port}`,
    freeze() {
      frozen = true;
      for (const socket of sockets) silence(socket);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
