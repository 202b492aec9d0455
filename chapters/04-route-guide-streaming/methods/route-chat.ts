// RouteChat, bidirectional streaming: both sides send whenever they like on
// one call. For each note that arrives we send back every earlier note at the
// same place (from this chat or any other), then keep the new one. The client
// half-closes when it has no more notes; we finish our replies and end the
// call with OK. Reading waits while a reply waits for 'drain', so a client
// that sends without reading cannot make the server buffer without limit.
import { status, type handleBidiStreamingCall } from '@grpc/grpc-js';
import type { routeguide } from '../../../generated/static/route_guide.ts';
import { RpcError, toServerError } from '../../shared/rpc-error.ts';
import { messagesOf, writeWithBackpressure } from '../../shared/streams.ts';
import { checkPoint } from '../model/coordinates.ts';
import { MAX_NOTE_BYTES, type NoteStore } from '../model/note-store.ts';

function checkNote(note: routeguide.RouteNote, what: string): void {
  if (!note.has_location) throw new RpcError(status.INVALID_ARGUMENT, `${what}: location is missing`);
  checkPoint(note.location, `${what}: location`);
  const bytes = Buffer.byteLength(note.message);
  if (bytes > MAX_NOTE_BYTES) {
    throw new RpcError(status.INVALID_ARGUMENT, `${what}: message is ${bytes} bytes of UTF-8, more than the ${MAX_NOTE_BYTES} allowed`);
  }
}

export function routeChatHandler(notes: NoteStore): handleBidiStreamingCall<routeguide.RouteNote, routeguide.RouteNote> {
  return async (call) => {
    let received = 0;
    try {
      // messagesOf, not the call itself: leaving this loop by a throw must not
      // destroy the call, or the error status below could never be sent.
      for await (const note of messagesOf(call)) {
        const what = `note ${++received}`;
        checkNote(note, what);
        for (const earlier of notes.add(note, what)) {
          if (!(await writeWithBackpressure(call, earlier))) return; // the client went away
        }
      }
      call.end(); // the client half-closed and has every reply: status OK
    } catch (error) {
      if (!call.cancelled) call.emit('error', toServerError(error));
    }
  };
}
