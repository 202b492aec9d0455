// The workbook's handlers say "no" with an RpcError (chapters/shared/rpc-error.ts),
// made for grpc-js. A Connect handler says it with a ConnectError. The status
// numbers are the same in both (Connect's Code enum is gRPC's status codes), so
// the translation keeps the code and the message and hides anything else.
import { Code, ConnectError } from '@connectrpc/connect';
import { RpcError } from '../shared/rpc-error.ts';

export function toConnectError(error: unknown): ConnectError {
  if (error instanceof ConnectError) return error;
  if (error instanceof RpcError) return new ConnectError(error.details, error.code as number as Code);
  console.error('handler failed unexpectedly:', error);
  return new ConnectError('internal error', Code.Internal);
}

/** Runs `work`, turning whatever it throws into the ConnectError a client should see. */
export async function orConnectError<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toConnectError(error);
  }
}
