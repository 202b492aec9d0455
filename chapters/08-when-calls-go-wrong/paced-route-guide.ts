// A RouteGuide in which everything takes time, so that a client can give up
// halfway: the stand-in for real work (a database, a model) in this chapter's
// deadline and cancellation demonstrations. Chapter 04 has the real RouteGuide;
// this one makes its features up from the coordinates it is asked about.
// Every handler stops working the moment its call is cancelled, and logs how
// the call ended and whether any work ran after the cancellation.
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { routeguide } from '../../generated/static/route_guide.ts';
import { badRequest } from '../shared/rich-error.ts';
import { toServerError } from '../shared/rpc-error.ts';
import { messagesOf, writeWithBackpressure } from '../shared/streams.ts';
import { pause, signalOf, type CancellableCall } from './patterns/call-signal.ts';
import { pointViolations, rectangleViolations } from './patterns/field-violations.ts';

const { Feature, RouteNote, RouteSummary } = routeguide;

export type RouteGuideMethod = keyof routeguide.UnimplementedRouteGuideService;

/** One call as its handler saw it, updated while the call runs. */
export interface CallLog {
  method: RouteGuideMethod;
  /** Messages the handler received (and, for RecordRoute, processed), and sent. */
  received: number;
  sent: number;
  ending: 'running' | 'finished' | 'cancelled' | 'refused';
  /** From the start of the call to its end, in milliseconds. */
  elapsedMs: number;
  /** Steps of work that ran after the call was cancelled: what a careless handler wastes. */
  workAfterCancel: number;
}

export type PacedEvents = { stopped: [log: CallLog] };

export interface Pace {
  /** How long GetFeature takes to look a point up. */
  lookupMs: number;
  /** How long each step of a stream takes: a feature to find, a point to process, a note to answer. */
  stepMs: number;
  /** The most features that one ListFeatures call sends. */
  maxFeatures?: number;
}

export interface PacedRouteGuide {
  handlers: routeguide.UnimplementedRouteGuideService;
  /** 'stopped' when a handler is done with its call. */
  events: EventEmitter<PacedEvents>;
}

function tracked(events: EventEmitter<PacedEvents>, method: RouteGuideMethod, call: CancellableCall) {
  const started = performance.now();
  const log: CallLog = { method, received: 0, sent: 0, ending: 'running', elapsedMs: 0, workAfterCancel: 0 };
  const elapsedMs = () => Math.round(performance.now() - started);
  return {
    log,
    elapsedMs,
    /** Runs one step of work, counting it if the call was already cancelled. */
    work<T>(step: () => T): T {
      if (call.cancelled) log.workAfterCancel++;
      return step();
    },
    stop(ending: CallLog['ending']): void {
      if (log.ending !== 'running') return;
      log.ending = ending;
      log.elapsedMs = elapsedMs();
      events.emit('stopped', log);
    },
  };
}

/** Where the `index`th of `count` made-up features lies: on the diagonal from lo to hi. */
function alongDiagonal({ lo, hi }: routeguide.Rectangle, index: number, count: number): routeguide.Point {
  const share = count === 1 ? 0 : index / (count - 1);
  return new routeguide.Point({
    latitude: Math.round(lo.latitude + (hi.latitude - lo.latitude) * share),
    longitude: Math.round(lo.longitude + (hi.longitude - lo.longitude) * share),
  });
}

export function pacedRouteGuide({ lookupMs, stepMs, maxFeatures = 1_000 }: Pace): PacedRouteGuide {
  const events = new EventEmitter<PacedEvents>();
  const handlers: routeguide.UnimplementedRouteGuideService = {
    GetFeature(call, callback) {
      const { log, work, stop } = tracked(events, 'GetFeature', call);
      log.received = 1;
      const violations = pointViolations(call.request);
      if (violations.length > 0) {
        stop('refused');
        callback(badRequest(violations));
        return;
      }
      void pause(lookupMs, signalOf(call)).then((lookedUp) => {
        if (!lookedUp) return stop('cancelled');
        work(() => callback(null, new Feature({ name: `the place at ${call.request.latitude}, ${call.request.longitude}`, location: call.request })));
        log.sent = 1;
        stop('finished');
      });
    },

    async ListFeatures(call) {
      const { log, work, stop } = tracked(events, 'ListFeatures', call);
      log.received = 1;
      const violations = rectangleViolations(call.request);
      if (violations.length > 0) {
        stop('refused');
        call.emit('error', badRequest(violations)); // how a streaming call ends with an error status
        return;
      }
      const signal = signalOf(call);
      for (let index = 0; index < maxFeatures; index++) {
        if (!(await pause(stepMs, signal))) break;
        const feature = work(() => new Feature({ name: `feature ${index + 1}`, location: alongDiagonal(call.request, index, maxFeatures) }));
        if (!(await writeWithBackpressure(call, feature))) break;
        log.sent++;
      }
      if (call.cancelled) return stop('cancelled');
      call.end();
      stop('finished');
    },

    async RecordRoute(call, callback) {
      const { log, work, stop, elapsedMs } = tracked(events, 'RecordRoute', call);
      const signal = signalOf(call);
      try {
        // Points can arrive faster than they are processed; those still waiting
        // when the client cancels are dropped, not processed for nobody.
        for await (const _point of messagesOf(call)) {
          if (!(await pause(stepMs, signal))) break;
          work(() => log.received++);
        }
      } catch (error) {
        // A call cancelled while the loop waits for a point ends the loop with an error.
        if (!call.cancelled) {
          callback(toServerError(error));
          return stop('refused');
        }
      }
      if (call.cancelled) return stop('cancelled');
      callback(null, new RouteSummary({ point_count: log.received, elapsed_time: Math.round(elapsedMs() / 1_000) }));
      log.sent = 1;
      stop('finished');
    },

    async RouteChat(call) {
      const { log, work, stop } = tracked(events, 'RouteChat', call);
      const signal = signalOf(call);
      try {
        for await (const note of messagesOf(call)) {
          log.received++;
          if (!(await pause(stepMs, signal))) break;
          const echo = work(() => new RouteNote({ location: note.location, message: `heard: ${note.message}` }));
          if (!(await writeWithBackpressure(call, echo))) break;
          log.sent++;
        }
      } catch (error) {
        if (!call.cancelled) {
          call.emit('error', toServerError(error));
          return stop('refused');
        }
      }
      if (call.cancelled) return stop('cancelled');
      call.end();
      stop('finished');
    },
  };
  return { handlers, events };
}
