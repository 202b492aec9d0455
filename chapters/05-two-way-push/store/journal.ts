// An append-only journal: one JSON object per line, flushed to disk (fsync)
// before append() resolves. A server that answers "recorded" only after
// append() has resolved never loses what it acknowledged, even if the process
// is killed or the machine loses power a moment later.
//
// Appends that arrive while a write is in progress are written together by the
// next write and share one fsync ("group commit"), so a burst of appends costs
// a couple of disk flushes, not one each.
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

export class Journal<R> {
  readonly path: string;
  readonly #file: FileHandle;
  /** Lines waiting for the next write. */
  #queued: string[] = [];
  /** The write that will carry the queued lines, once the current one is done. */
  #nextWrite: Promise<void> | undefined;
  /** The most recent write, finished or not: each write starts after it. */
  #lastWrite: Promise<void> = Promise.resolve();
  #broken: Error | undefined;
  #closed = false;
  #flushes = 0;

  private constructor(path: string, file: FileHandle) {
    this.path = path;
    this.#file = file;
  }

  /**
   * Opens (or creates) the journal at `path` and returns it with the records
   * already in it, each checked by `parse`. A last line without its newline is
   * a write the process did not finish: it was never acknowledged, so it is cut
   * off. Any other line that does not parse means the file is damaged, and
   * open() refuses to guess.
   */
  static async open<R>(path: string, parse: (value: unknown) => R): Promise<{ journal: Journal<R>; records: R[] }> {
    await mkdir(dirname(path), { recursive: true });
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    const records = complete
      .split('\n')
      .slice(0, -1)
      .map((line, index) => {
        try {
          return parse(JSON.parse(line));
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`${path} line ${index + 1} is damaged (${reason}); refusing to start on a journal it cannot trust`);
        }
      });
    const file = await open(path, 'a');
    if (complete.length < text.length) {
      await file.truncate(Buffer.byteLength(complete));
      await file.datasync();
    }
    if (text === '') await syncDirectory(dirname(path));
    return { journal: new Journal<R>(path, file), records };
  }

  /** How many write-and-fsync rounds have run: with group commit, fewer than appends. */
  get flushes(): number {
    return this.#flushes;
  }

  /** Resolves once `record` is on disk. After a failed write every append fails: fail-stop. */
  append(record: R): Promise<void> {
    if (this.#broken) return Promise.reject(this.#broken);
    if (this.#closed) return Promise.reject(new Error(`journal ${this.path} is closed`));
    this.#queued.push(`${JSON.stringify(record)}\n`);
    if (!this.#nextWrite) {
      const write = this.#lastWrite.then(() => {
        const lines = this.#queued.join('');
        this.#queued = [];
        this.#nextWrite = undefined;
        return this.#writeDurably(lines);
      });
      this.#nextWrite = write;
      this.#lastWrite = write.catch(() => {});
    }
    return this.#nextWrite;
  }

  /** Waits for the writes in progress, then closes the file. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#lastWrite;
    await this.#file.close();
  }

  async #writeDurably(lines: string): Promise<void> {
    if (this.#broken) throw this.#broken;
    this.#flushes++;
    try {
      await this.#file.write(lines);
      await this.#file.datasync();
    } catch (error) {
      // Part of `lines` may be on disk. What is in memory can no longer be
      // trusted to match the file, so refuse everything from now on.
      this.#broken = error instanceof Error ? error : new Error(String(error));
      throw this.#broken;
    }
  }
}

/** A new file's name is durable only once its directory is flushed too (POSIX; Windows cannot open a directory). */
async function syncDirectory(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const directory = await open(path, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
