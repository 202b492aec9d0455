// Flow control for a stream we write to: write() returning false means "my
// buffer is full", not "lost". Waiting for 'drain' before writing more keeps a
// slow reader from making us buffer without limit. 'close' ends the wait too,
// for a stream that is cancelled while full.
// (Chapter 04 has stream helpers of its own; this is the one this chapter needs.)
import type { Writable } from 'node:stream';

export function drainedOrClosed(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done).off('close', done);
      resolve();
    };
    stream.on('drain', done).on('close', done);
  });
}
