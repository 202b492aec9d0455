// How chapters 06 and 07 plug a hand-written request decoder into grpc-js,
// both the same way: the service's requestDeserialize passes the bytes
// through untouched, and the handler decodes them.
//
// Why not decode in requestDeserialize? grpc-js answers any exception thrown
// there with INTERNAL "Error deserializing request" (server-interceptors.ts in
// grpc/grpc-node), so the client could not tell its malformed bytes from a
// server bug. Thrown from the handler, the decoder's RpcError reaches the
// client as it is: INVALID_ARGUMENT, naming the byte and the problem.
import { status } from '@grpc/grpc-js';
import { RpcError } from './rpc-error.ts';
import type { MalformedMessage } from './wire-reader.ts';

/** The requestDeserialize of a method whose handler decodes the request itself. */
export function passBytesThrough(bytes: Buffer): Buffer {
  return bytes;
}

/** How a hand-written decoder refuses bytes it cannot read: `malformed GraphData at byte 1: …`. */
export function malformedRequest(typeName: string, error: MalformedMessage, where = ''): RpcError {
  return new RpcError(status.INVALID_ARGUMENT, `malformed ${typeName} at byte ${error.offset}${where}: ${error.problem}`);
}
