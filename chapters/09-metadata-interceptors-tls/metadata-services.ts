// The chapter's handlers, written against the raw grpc-js API so that every
// piece of metadata is in plain view: call.metadata holds the request headers,
// call.sendMetadata() sends the response headers (at most once, before the
// first message), and trailers travel with the status at the very end.
import { Metadata, type handleServerStreamingCall, type handleUnaryCall, type Server } from '@grpc/grpc-js';
import { performance } from 'node:perf_hooks';
import { helloworld } from '../../generated/static/hello.ts';
import { routeguide } from '../../generated/static/route_guide.ts';
import type { SomeHandlers } from '../shared/handlers.ts';
import { toServerError } from '../shared/rpc-error.ts';
import { greetingFor, type GreetingKind } from '../02-unary-hello/greeting.ts';
import { boundsOf } from '../04-route-guide-streaming/model/rectangle.ts';
import { METADATA_KEYS } from './metadata/metadata-keys.ts';
import { withWireChecks } from '../shared/wire-check.ts';

const { HelloReply, UnimplementedGreeterService } = helloworld;
const { Feature, UnimplementedRouteGuideService } = routeguide;

/** Response headers: the request id, trace and role, as the server received them. */
function echoedHeaders(request: Metadata): Metadata {
  const headers = new Metadata();
  for (const key of [METADATA_KEYS.requestId, METADATA_KEYS.trace, METADATA_KEYS.role]) {
    for (const value of request.get(key)) headers.add(key, value);
  }
  return headers;
}

/** Trailers are written last, so they can say what only the end knows. */
function timingTrailers(started: number): Metadata {
  const trailers = new Metadata();
  trailers.set(METADATA_KEYS.serverMs, (performance.now() - started).toFixed(2));
  return trailers;
}

function greet(kind: GreetingKind): handleUnaryCall<helloworld.HelloRequest, helloworld.HelloReply> {
  return (call, callback) => {
    const started = performance.now();
    call.sendMetadata(echoedHeaders(call.metadata));
    try {
      const reply = new HelloReply({ message: greetingFor(call.request.name, kind) });
      callback(null, reply, timingTrailers(started));
    } catch (error) {
      // A failed call has trailers too: the status is one of them.
      const { code, details } = toServerError(error);
      callback({ code, details, metadata: timingTrailers(started) });
    }
  };
}

export const metadataGreeterHandlers: helloworld.UnimplementedGreeterService = {
  SayHello: greet('first'),
  SayHelloAgain: greet('again'),
};

/**
 * A stand-in for RouteGuide.ListFeatures (chapter 04 has the real one): it
 * streams the rectangle's two corners, to show metadata on a stream. Headers
 * go out before the first message; the trailer counts the messages sent.
 */
export const listCorners: handleServerStreamingCall<routeguide.Rectangle, routeguide.Feature> = (call) => {
  const started = performance.now();
  try {
    boundsOf(call.request); // the same rule as chapter 04's: two corners, both on Earth
  } catch (error) {
    call.emit('error', toServerError(error));
    return;
  }
  call.sendMetadata(echoedHeaders(call.metadata));
  const corners = [
    new Feature({ name: 'lo corner', location: call.request.lo }),
    new Feature({ name: 'hi corner', location: call.request.hi }),
  ];
  for (const corner of corners) call.write(corner);
  const trailers = timingTrailers(started);
  trailers.set(METADATA_KEYS.featureCount, String(corners.length));
  call.end(trailers);
};

export function addMetadataServices(server: Server): void {
  server.addService(withWireChecks(UnimplementedGreeterService.definition), metadataGreeterHandlers);
  // Only ListFeatures: grpc-js answers the other RouteGuide methods with UNIMPLEMENTED.
  server.addService(withWireChecks(UnimplementedRouteGuideService.definition), {
    ListFeatures: listCorners,
  } satisfies SomeHandlers<routeguide.UnimplementedRouteGuideService>);
}
