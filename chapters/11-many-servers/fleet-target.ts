// How one client names several servers. A gRPC target is one string; grpc-js
// resolves it to a list of addresses and hands the list to the load-balancing
// policy. `ipv4:` and `ipv6:` targets spell the list out, which is what a fleet
// on one machine needs: DNS can give one name many addresses, but never many ports.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

interface HostPort {
  host: string;
  port: string;
}

/** "127.0.0.1:50051" or "[::1]:50051" → its host (without brackets) and port. */
function splitHostPort(address: string): HostPort {
  const colon = address.lastIndexOf(':');
  return { host: address.slice(0, colon).replace(/^\[(.*)\]$/, '$1'), port: address.slice(colon + 1) };
}

/** `ipv4:127.0.0.1:50051,127.0.0.1:50052`: the target for a fixed list of IP addresses, all of one family. */
export function staticTarget(addresses: string[]): string {
  const endpoints = addresses.map(splitHostPort);
  const families = [...new Set(endpoints.map(({ host }) => isIP(host)))];
  if (families.includes(0)) throw new Error(`ipv4: and ipv6: targets take IP addresses, not names: ${addresses.join(',')}`);
  if (families.length !== 1) throw new Error(`one target needs one or more addresses of one IP family, got "${addresses.join(',')}"`);
  const [family] = families;
  const list = endpoints.map(({ host, port }) => (family === 6 ? `[${host}]:${port}` : `${host}:${port}`));
  return `ipv${family}:${list.join(',')}`;
}

/** Like staticTarget, after looking up host names (localhost → 127.0.0.1), as the client half must. */
export async function resolvedTarget(addresses: string[]): Promise<string> {
  const resolved = await Promise.all(
    addresses.map(async (address) => {
      const { host, port } = splitHostPort(address);
      if (isIP(host) === 6) return `[${host}]:${port}`;
      if (isIP(host) === 4) return address;
      // IPv4 for every name, so that "localhost" cannot come back as ::1 for one
      // address and 127.0.0.1 for another.
      return `${(await lookup(host, { family: 4 })).address}:${port}`;
    }),
  );
  return staticTarget(resolved);
}
