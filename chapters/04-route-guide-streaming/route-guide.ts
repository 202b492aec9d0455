// The whole RouteGuide service: four handlers over one feature map and one
// shared note store.
import { EventEmitter } from 'node:events';
import type { Server } from '@grpc/grpc-js';
import { routeguide } from '../../generated/static/route_guide.ts';
import type { FeatureRecord } from './model/feature-file.ts';
import { FeatureMap } from './model/feature-map.ts';
import { getFeatureHandler } from './methods/get-feature.ts';
import { listFeaturesHandler, type ListFeaturesEvents } from './methods/list-features.ts';
import { NoteStore } from './model/note-store.ts';
import { recordRouteHandler } from './methods/record-route.ts';
import { routeChatHandler } from './methods/route-chat.ts';
import { withWireChecks } from '../shared/wire-check.ts';

export interface RouteGuideOptions {
  /** The most notes RouteChat keeps, across all chats. */
  maxNotes?: number;
  /** The clock RecordRoute times routes with, in milliseconds. */
  now?: () => number;
}

export interface RouteGuide {
  readonly handlers: routeguide.UnimplementedRouteGuideService;
  readonly features: FeatureMap;
  readonly notes: NoteStore;
  /** What ListFeatures calls do: pauses for backpressure and how each loop ended. */
  readonly listFeaturesEvents: EventEmitter<ListFeaturesEvents>;
}

export function createRouteGuide(records: readonly FeatureRecord[], { maxNotes, now }: RouteGuideOptions = {}): RouteGuide {
  const features = new FeatureMap(records);
  const notes = new NoteStore(maxNotes);
  const listFeaturesEvents = new EventEmitter<ListFeaturesEvents>();
  return {
    handlers: {
      GetFeature: getFeatureHandler(features),
      ListFeatures: listFeaturesHandler(features, listFeaturesEvents),
      RecordRoute: recordRouteHandler(features, now),
      RouteChat: routeChatHandler(notes),
    },
    features,
    notes,
    listFeaturesEvents,
  };
}

export function addRouteGuide(server: Server, guide: RouteGuide): void {
  // withWireChecks: each request's bytes are checked before they are decoded (lesson 08).
  server.addService(withWireChecks(routeguide.UnimplementedRouteGuideService.definition), guide.handlers);
}
