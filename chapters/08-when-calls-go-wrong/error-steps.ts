// Errors a client can act on: a refusal that lists every wrong field, and a
// request too big for the server to receive.
import type { ServiceError } from '@grpc/grpc-js';
import { helloworld } from '../../generated/static/hello.ts';
import { routeguide } from '../../generated/static/route_guide.ts';
import { callUnary, deadlineIn, isServiceError } from '../shared/client.ts';
import { fieldViolationsOf, STATUS_DETAILS_TRAILER, type FieldViolation } from '../shared/rich-error.ts';
import type { Transcript } from '../shared/transcript.ts';

export const MiB = 1024 * 1024;

/** No corner of it is right: a latitude past the pole, a longitude past the date line, and no hi corner. */
export const BAD_RECTANGLE = routeguide.Rectangle.fromObject({ lo: { latitude: 950000000, longitude: -1900000000 } });

/** Sends BAD_RECTANGLE to ListFeatures; returns the status name and the violations the client decoded. */
export async function showFieldViolations({ guide }: { guide: routeguide.RouteGuideClient }, t: Transcript) {
  t.step('ListFeatures with a rectangle that is wrong in three ways');
  t.sent(routeguide.UnimplementedRouteGuideService.definition.ListFeatures.path, BAD_RECTANGLE.toObject());
  const call = guide.ListFeatures(BAD_RECTANGLE, { deadline: deadlineIn() });
  call.on('data', () => {}); // read the stream, as any client of a stream must
  const error = await new Promise<ServiceError>((resolve, reject) => {
    call.once('error', resolve);
    call.once('end', () => reject(new Error('ListFeatures accepted a rectangle it must refuse')));
  });
  const status = t.failed(error);
  const violations: FieldViolation[] = fieldViolationsOf(error);
  const trailer = error.metadata.get(STATUS_DETAILS_TRAILER)[0];
  t.note(`${STATUS_DETAILS_TRAILER}: ${trailer?.length ?? 0} bytes, a google.rpc.Status holding a BadRequest:`);
  for (const { field, description } of violations) t.note(`  ${field}: ${description}`);
  return { status, violations };
}

/** Sends a 5 MiB name to the front's Greeter, which, like every grpc-js server, receives at most 4 MiB. */
export async function showTooBig({ greeter }: { greeter: helloworld.GreeterClient }, t: Transcript): Promise<string> {
  t.step('SayHello with a 5 MiB name; a grpc-js server receives at most 4 MiB by default');
  const request = new helloworld.HelloRequest({ name: 'x'.repeat(5 * MiB) });
  t.note(`→ ${helloworld.UnimplementedGreeterService.definition.SayHello.path} {"name":"xxx…"} (${request.serialize().length.toLocaleString('en-US')} bytes)`);
  try {
    await callUnary(greeter.SayHello, request, { deadline: deadlineIn() });
    return 'OK';
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return t.failed(error);
  }
}
