// An error a client can act on: a refusal that lists every wrong field of
// the request, as google.rpc.BadRequest details.
import type { ServiceError } from '@grpc/grpc-js';
import { routeguide } from '../../../generated/static/route_guide.ts';
import { deadlineIn } from '../../shared/client.ts';
import { fieldViolationsOf, STATUS_DETAILS_TRAILER, type FieldViolation } from '../../shared/rich-error.ts';
import type { Transcript } from '../../shared/transcript.ts';

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
