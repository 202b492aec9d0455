// ListFeatures as it is often first written, kept here only to measure what
// it costs: every feature goes into the call's buffer at once, because the
// false that write() returns when the buffer is full is ignored. The server's
// memory then grows with the answer, however slowly the client reads.
import type { handleServerStreamingCall } from '@grpc/grpc-js';
import type { routeguide } from '../../../generated/static/route_guide.ts';
import type { FeatureMap } from '../model/feature-map.ts';

/** Sends every feature (no rectangle filter) and reports the most that waited in the buffer at once. */
export function carelessListFeatures(
  features: FeatureMap,
  report: (mostBuffered: number) => void,
): handleServerStreamingCall<routeguide.Rectangle, routeguide.Feature> {
  return (call) => {
    let mostBuffered = 0;
    for (const feature of features.all) {
      call.write(feature); // returns false once the buffer is full; ignoring it is the mistake
      mostBuffered = Math.max(mostBuffered, call.writableLength);
    }
    call.end();
    report(mostBuffered);
  };
}
