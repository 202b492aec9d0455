// Connect's Code enum has the same numbers as gRPC's status codes; this names
// them the way gRPC does ("INVALID_ARGUMENT"), in Node and in the page alike,
// so a browser shows the same word as grpc-js and Python.
import { Code, ConnectError } from '@connectrpc/connect';

export function statusName(code: Code): string {
  return Code[code].replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

/** "INVALID_ARGUMENT: name must not be empty" for any error a Connect client throws. */
export function describeConnectError(error: unknown): string {
  const connectError = ConnectError.from(error);
  return `${statusName(connectError.code)}: ${connectError.rawMessage}`;
}
