// Reference solution for exercise 04-A.
import type { routeguide } from '../../../../generated/static/route_guide.ts';
import { deadlineIn } from '../../../shared/client.ts';
import { messagesOf } from '../../../shared/streams.ts';

export async function firstMatch(
  client: routeguide.RouteGuideClient,
  rectangle: routeguide.Rectangle,
  word: string,
): Promise<routeguide.Feature | undefined> {
  const call = client.ListFeatures(rectangle, { deadline: deadlineIn() });
  // A failed call (not one we cancel) ends this loop by throwing its ServiceError.
  for await (const feature of messagesOf(call)) {
    if (feature.name.includes(word)) {
      call.on('error', () => {}); // the CANCELLED that cancel() brings is expected
      call.cancel();
      return feature;
    }
  }
  return undefined;
}
