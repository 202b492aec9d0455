// Near-miss for exercise 04-A: the reference solution, except that it reads the stream to its end instead of cancelling it.
// The exercise's test must fail against it (the workbook checks that it does).
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
      for await (const _rest of messagesOf(call));
      return feature;
    }
  }
  return undefined;
}
