// Cal: Add and Multiply of two int32s, as in the original tutorial, except
// that an overflow is an error rather than a wrapped number. (The original
// Python server failed too, but with UNKNOWN: protobuf's Python runtime raised
// ValueError when building a ResultReply that did not fit.)
import type { Server } from '@grpc/grpc-js';
import { ResultReply, UnimplementedCalService } from '../../generated/static/calculator.ts';
import { unaryHandler } from '../shared/handlers.ts';
import { checkedInt32 } from './int32.ts';
import { withWireChecks } from '../shared/wire-check.ts';

export const calHandlers: UnimplementedCalService = {
  Add: unaryHandler(({ number1, number2 }) =>
    new ResultReply({ number: checkedInt32(number1 + number2, `${number1} + ${number2}`) }),
  ),
  Multiply: unaryHandler(({ number1, number2 }) =>
    new ResultReply({ number: checkedInt32(number1 * number2, `${number1} × ${number2}`) }),
  ),
};

export function addCal(server: Server, handlers: UnimplementedCalService = calHandlers): void {
  // withWireChecks: each request's bytes are checked before they are decoded (lesson 08).
  server.addService(withWireChecks(UnimplementedCalService.definition), handlers);
}
