// Small client-side helpers used by every chapter's clients.
import * as grpc from '@grpc/grpc-js';

/** The deadline every call in this workbook carries unless a lesson says otherwise. */
export const DEFAULT_DEADLINE_MS = 2_000;

/** A deadline `ms` from now. grpc-js takes an absolute Date and sends it as grpc-timeout. */
export function deadlineIn(ms: number = DEFAULT_DEADLINE_MS): Date {
  return new Date(Date.now() + ms);
}

/**
 * Resolves once `client`'s channel has connected, or rejects after
 * `withinMs`. A deadline counts from the call, connection set-up included:
 * connect first where a short deadline should time the work, not the handshake.
 */
export function connected(client: grpc.Client, withinMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => client.waitForReady(deadlineIn(withinMs), (error) => (error ? reject(error) : resolve())));
}

/**
 * A unary method of a generated client. Static (protoc-gen-ts) and
 * proto-loader clients both declare these four overloads in this order, which
 * lets TypeScript infer Request and Reply from either kind of client.
 */
export interface UnaryMethod<Request, Reply> {
  (request: Request, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<Reply>): grpc.ClientUnaryCall;
  (request: Request, metadata: grpc.Metadata, callback: grpc.requestCallback<Reply>): grpc.ClientUnaryCall;
  (request: Request, options: grpc.CallOptions, callback: grpc.requestCallback<Reply>): grpc.ClientUnaryCall;
  (request: Request, callback: grpc.requestCallback<Reply>): grpc.ClientUnaryCall;
}

/**
 * Makes a unary call and returns its reply as a promise, so clients can use
 * await. The method must already be bound to its client (generated static
 * clients' methods are; use `.bind(client)` for proto-loader clients).
 */
export function callUnary<Request, Reply>(
  method: UnaryMethod<Request, Reply>,
  request: Request,
  options: grpc.CallOptions = { deadline: deadlineIn() },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    method(request, options, (error, reply) => {
      if (error) reject(error);
      // A unary call that ends without an error always carries a reply.
      else resolve(reply as Reply);
    });
  });
}

export function isServiceError(error: unknown): error is grpc.ServiceError {
  return error instanceof Error && typeof (error as Partial<grpc.ServiceError>).code === 'number';
}

/** "DEADLINE_EXCEEDED (4): Deadline exceeded after 0.101s" for a status; the message otherwise. */
export function describeError(error: unknown): string {
  if (isServiceError(error)) return `${grpc.status[error.code]} (${error.code}): ${withoutEmptyResolutionNote(error.details)}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * grpc-js's load balancers end UNAVAILABLE details with "Resolution note: "
 * and whatever the name resolver noted, which for a plain host:port is
 * nothing (`load-balancer-pick-first.ts` in grpc-js 1.14). An empty note is
 * dropped; a note with something in it is kept.
 */
export function withoutEmptyResolutionNote(details: string): string {
  return details.replace(/\.? Resolution note: $/, '');
}
