// Connect's Node clients, one per protocol, all to the same HTTP/2 listener.
// Each protocol is a Transport; the client code on top (createClient) is the
// same for all of them, which is what lets the page switch with one select.
import type { Transport } from '@connectrpc/connect';
import { createConnectTransport, createGrpcTransport, createGrpcWebTransport, Http2SessionManager } from '@connectrpc/connect-node';

export const PROTOCOLS = ['gRPC', 'gRPC-Web', 'Connect (binary)', 'Connect (JSON)'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export interface NodeTransports {
  readonly byProtocol: Record<Protocol, Transport>;
  /** Closes the HTTP/2 connection they share, so that the process can exit. */
  close(): void;
}

/** `address` is host:port of an h2c listener (chapter 13's server.ts --port). */
export function nodeTransports(address: string): NodeTransports {
  const baseUrl = `http://${address}`;
  // One HTTP/2 connection for all four: the protocol is chosen per request, by its content-type.
  const sessionManager = new Http2SessionManager(baseUrl);
  const common = { baseUrl, httpVersion: '2', sessionManager } as const;
  return {
    byProtocol: {
      gRPC: createGrpcTransport(common),
      'gRPC-Web': createGrpcWebTransport({ ...common, useBinaryFormat: true }),
      'Connect (binary)': createConnectTransport({ ...common, useBinaryFormat: true }),
      'Connect (JSON)': createConnectTransport({ ...common, useBinaryFormat: false }),
    },
    close: () => sessionManager.abort(),
  };
}
