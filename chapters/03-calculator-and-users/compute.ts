// compute.Compute/SayHello: the length of `helloworld`, as a decimal string.
// The original server is Python, where len() counts code points; JavaScript's
// .length counts UTF-16 code units ("😀".length is 2). To give the same answer
// as the original for every string, we count code points too.
import type { Server } from '@grpc/grpc-js';
import { compute } from '../../generated/static/compute.ts';
import { unaryHandler } from '../shared/handlers.ts';
import { withWireChecks } from '../shared/wire-check.ts';

export function codePointLength(text: string): number {
  return [...text].length; // spreading a string walks its code points
}

export const computeHandlers: compute.UnimplementedComputeService = {
  SayHello: unaryHandler((request) => new compute.HelloReply({ result: String(codePointLength(request.helloworld)) })),
};

export function addCompute(server: Server): void {
  // withWireChecks: each request's bytes are checked before they are decoded (lesson 08).
  server.addService(withWireChecks(compute.UnimplementedComputeService.definition), computeHandlers);
}
