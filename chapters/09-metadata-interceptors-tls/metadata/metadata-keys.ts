// The metadata this chapter's clients and servers exchange. Keys are
// lower-case ASCII; a key ending in -bin carries raw bytes (grpc-js sends them
// base64-encoded), every other key a printable ASCII string.
export const METADATA_KEYS = {
  /** Request header, set by the client interceptor; the server echoes it in its response headers. */
  requestId: 'x-request-id',
  /** Request header with 8 raw bytes of trace id, echoed in the response headers. */
  trace: 'trace-bin',
  /** Request header from the auth interceptor to the handler: the caller's role. */
  role: 'x-authenticated-role',
  /** Trailer: how long the handler took, known only at the end. */
  serverMs: 'x-server-ms',
  /** Trailer of a stream: how many messages it carried. */
  featureCount: 'x-feature-count',
} as const;
