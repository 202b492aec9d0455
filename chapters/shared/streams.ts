// Streaming calls in grpc-js are Node streams: server and client calls alike
// are Readable, Writable or Duplex objects in object mode. These helpers cover
// the three things every streaming handler or client gets wrong first: writing
// faster than the reader reads, reading more than it meant to hold, and leaving
// a `for await` loop early.
import type { Readable, Writable } from 'node:stream';

/**
 * The writable side of a call. Server calls have `cancelled`; client calls
 * emit 'status' when the call is over. Both are optional so that a plain Node
 * Writable fits too.
 */
export type MessageWritable<T> = Pick<Writable, 'destroyed' | 'writableEnded' | 'once' | 'off'> & {
  write(message: T): boolean;
  cancelled?: boolean;
};

/** The readable side of a call, whose read() says what type its messages are. */
export type MessageReadable<T> = Readable & { read(size?: number): T };

// Any of these while waiting for 'drain' means no 'drain' will ever come.
const GONE_EVENTS = ['close', 'finish', 'cancelled', 'status'] as const;

/**
 * Writes `message`; if that filled the stream's buffer (write() returned
 * false), waits for 'drain' before resolving. Resolves true when the caller may
 * write the next message, false when the stream is over instead (the call was
 * cancelled, its deadline passed, it ended or was destroyed): the reader is
 * gone, so stop producing. A message offered to a stream that is already over
 * is not written. `onWait`, if given, is called each time the write has to wait
 * (to count or log backpressure).
 */
export async function writeWithBackpressure<T>(stream: MessageWritable<T>, message: T, onWait?: () => void): Promise<boolean> {
  if (isOver(stream)) return false;
  if (stream.write(message)) return true;
  onWait?.();
  return whenDrained(stream);
}

/**
 * For a stream whose write() just returned false: resolves true at 'drain',
 * when writing may go on, or false when the stream is over first (cancelled,
 * ended, destroyed), since then no 'drain' will ever come.
 */
export function whenDrained(stream: Pick<MessageWritable<unknown>, 'once' | 'off'>): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const settle = (writable: boolean) => () => {
      stream.off('drain', onDrain);
      for (const event of GONE_EVENTS) stream.off(event, onGone);
      resolve(writable);
    };
    const onDrain = settle(true);
    const onGone = settle(false);
    stream.once('drain', onDrain);
    for (const event of GONE_EVENTS) stream.once(event, onGone);
  });
}

function isOver(stream: MessageWritable<unknown>): boolean {
  return stream.destroyed || stream.writableEnded || stream.cancelled === true;
}

/** Thrown by collect() when a stream sends more messages than the reader agreed to hold. */
export class TooManyMessagesError extends RangeError {
  constructor(readonly limit: number) {
    super(`the stream sent more than ${limit} messages; stopped reading and cancelled it`);
    this.name = 'TooManyMessagesError';
  }
}

/**
 * Reads every message of `stream` into an array, in order. A stream that sends
 * more than `limit` messages is cancelled (grpc-js client calls have cancel())
 * and collect rejects with TooManyMessagesError, so a server cannot make its
 * client hold an unbounded list. A failed call rejects with its error, which
 * for grpc-js is the ServiceError carrying the status.
 */
export async function collect<T>(stream: MessageReadable<T> & { cancel?(): void }, limit: number): Promise<T[]> {
  const messages: T[] = [];
  for await (const message of messagesOf(stream)) {
    if (messages.length === limit) {
      // grpc-js reports the cancellation as an 'error' event (CANCELLED); we
      // asked for it, and with no listener left it would crash the process.
      stream.on('error', () => {});
      if (stream.cancel) stream.cancel();
      else stream.destroy();
      throw new TooManyMessagesError(limit);
    }
    messages.push(message);
  }
  return messages;
}

/**
 * The messages of `stream` for a `for await` loop, typed. Unlike iterating the
 * stream itself, leaving the loop early (break, return, throw) does not
 * destroy the stream. That matters on the server: a destroyed grpc-js server
 * call can no longer send its status, and its client would wait for its
 * deadline. A call that is cancelled while the loop waits still ends the loop,
 * with an error (ERR_STREAM_PREMATURE_CLOSE).
 */
export function messagesOf<T>(stream: MessageReadable<T>): AsyncIterable<T> {
  return { [Symbol.asyncIterator]: () => stream.iterator({ destroyOnReturn: false }) as AsyncIterator<T> };
}
