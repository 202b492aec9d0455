// The calls this chapter makes, shared by the tour (index.ts) and the client
// half (client.ts): each of the four call shapes once as intended, and the
// requests a careful server refuses. The places come from features.json; run
// against a server with another --db, most of them are "no feature".
import { routeguide } from '../../../generated/static/route_guide.ts';
import { callUnary, isServiceError } from '../../shared/client.ts';
import type { Transcript } from '../../shared/transcript.ts';
import { DEFAULT_FEATURE_FILE, loadFeatureFile } from '../model/feature-file.ts';
import { chat, listWithEvents } from './narrated-calls.ts';
import { openRouteGuide, recordRoute } from '../route-guide-client.ts';

const { Point, Rectangle, RouteNote } = routeguide;
const paths = routeguide.UnimplementedRouteGuideService.definition;

const [cove, wharf, landing] = loadFeatureFile(DEFAULT_FEATURE_FILE).map((feature) => new Point(feature.location));

export interface WalkthroughResult {
  featuresListed: number;
  route: ReturnType<routeguide.RouteSummary['toObject']>;
  chatReplies: number;
  /** Status names of the calls that were refused, in order. */
  refused: string[];
}

export async function walkThrough(address: string, t: Transcript): Promise<WalkthroughResult> {
  const client = openRouteGuide(address);
  const refused: string[] = [];
  const refuse = (error: unknown) => {
    if (!isServiceError(error)) throw error;
    refused.push(t.failed(error));
  };
  try {
    t.step('GetFeature (unary): one point in, one feature out');
    for (const point of [cove, new Point({ latitude: cove.latitude + 1, longitude: cove.longitude })]) {
      t.sent(paths.GetFeature.path, point.toObject());
      t.received((await callUnary(client.GetFeature, point)).toObject());
    }
    t.note('1 cm north of a feature is no feature: the answer is an empty name, not an error.');
    const offEarth = new Point({ latitude: 950_000_000, longitude: cove.longitude });
    t.sent(paths.GetFeature.path, offEarth.toObject());
    await callUnary(client.GetFeature, offEarth).catch(refuse);

    t.step('ListFeatures (server streaming): one rectangle in, a stream of features out');
    const rectangle = new Rectangle({
      lo: new Point({ latitude: 410_000_000, longitude: -735_000_000 }),
      hi: new Point({ latitude: 415_000_000, longitude: -740_000_000 }),
    });
    t.sent(paths.ListFeatures.path, rectangle.toObject());
    const listed = await listWithEvents(client, rectangle, t);
    t.note(`${listed.features} features; the call emitted: ${listed.events}`);

    t.step('RecordRoute (client streaming): a stream of points in, one summary out');
    const route = [cove, wharf, new Point({ latitude: 410_000_000, longitude: -740_000_000 }), landing, cove];
    for (const point of route) t.sent(paths.RecordRoute.path, point.toObject());
    const summary = (await recordRoute(client, route)).toObject();
    t.received(summary);
    t.note('4 of the 5 points are at features (one of them twice); distance is in metres, elapsed_time in seconds.');
    t.sent(paths.RecordRoute.path, '(no points: the client half-closes at once)');
    t.received((await recordRoute(client, [])).toObject());
    const badRoute = [cove, new Point({ latitude: -950_000_000, longitude: 0 }), wharf];
    for (const point of badRoute) t.sent(paths.RecordRoute.path, point.toObject());
    await recordRoute(client, badRoute).catch(refuse);

    t.step('RouteChat (bidirectional): notes in, earlier notes at the same place out, on one call');
    const ada = await chat(client, t, 'Ada', [
      new RouteNote({ location: cove, message: 'Ada: the footbridge is out' }),
      new RouteNote({ location: wharf, message: 'Ada: ferry every hour' }),
      new RouteNote({ location: cove, message: 'Ada: detour by the ridge' }),
    ]);
    const bo = await chat(client, t, 'Bo', [new RouteNote({ location: cove, message: 'Bo: thanks, taking the ridge' })]);
    t.note("Bo's chat heard Ada's notes: every chat shares one note store.");

    return { featuresListed: listed.features, route: summary, chatReplies: ada.replies + bo.replies, refused };
  } finally {
    client.close();
  }
}
