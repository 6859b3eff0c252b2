// The message log: one line per frame per hop (see CONTRACT.md), a JSON object (`jsonl`, the
// default) or a line for people (`text`, text-format.ts).
// One append stream. A turn's entries are queued and, once the turn's frames are all sent, go to
// the listeners (monitor, metrics) in order; their lines then wait up to 10 ms so that the lines
// of many turns share one write (or go at once past 64 KB): a write to a file is a trip through
// libuv's thread pool, which paid once per turn was a quarter of the CPU of a sequential Call.
// close() (SIGTERM) writes everything; a kill -9 can lose the last 10 ms of lines. reopen()
// swaps the stream for logrotate (SIGHUP).

import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, stat } from 'node:fs/promises';
import type { Logger } from './console-log.ts';
import type { MessageLogEntry, MessageLogFormat } from './message-log-entry.ts';
import { TextLineFormatter } from './text-format.ts';

export type { FrameType, Tag, MessageLogEntry, MessageLogFormat } from './message-log-entry.ts';

export type EntryListener = (entry: MessageLogEntry) => void;

/** Above this many queued bytes (a stalled disk) lines are counted and dropped, not buffered. */
const MAX_PENDING_BYTES = 16 * 1024 * 1024;
/** Lines waiting for their write go at once when they reach this size. */
const BATCH_BYTES = 64 * 1024;
/** A turn with this many entries (a flood) has them taken at once rather than queued further. */
const MAX_QUEUED = 1024;
/** Lines wait at most this long for others to share their write (what a kill -9 can lose). */
const WRITE_WINDOW_MS = 10;
/** After a write error (disk full), the file is tried again this often, as nginx does, without SIGHUP. */
export const RETRY_AFTER_ERROR_MS = 10_000;

export class MessageLog {
  readonly path: string;
  private readonly logger: Logger;
  /** `[messages] max_size`: past it the file is moved to PATH.1 and a new one begun (0: no cap). */
  private readonly maxBytes: number;
  private readonly retryMs: number;
  /** Null for JSON Lines. */
  private readonly textLines: TextLineFormatter | null;
  private stream: WriteStream | null = null;
  private bytes = 0;
  private droppedLines = 0;
  private readonly listeners: EntryListener[] = [];
  /** Reopens run one at a time; a request during one makes exactly one more. */
  private reopening: Promise<void> | null = null;
  private reopenAgain = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Entries of this event-loop turn, taken at its end (listeners, formatting, the write). */
  private queued: MessageLogEntry[] = [];
  /** Lines formatted and not yet written (within WRITE_WINDOW_MS, or at once past BATCH_BYTES). */
  private batch = '';
  private batchLines = 0;
  private takeScheduled = false;
  private writeTimer: NodeJS.Timeout | null = null;
  private listenerFailed = false;
  /** True while a reopen hands over the old file's last lines: the size cap waits for the new file. */
  private swapping = false;

  constructor(path: string, logger: Logger, options: { maxBytes?: number; retryMs?: number; format?: MessageLogFormat } = {}) {
    this.path = path;
    this.logger = logger;
    this.maxBytes = options.maxBytes ?? 0;
    this.retryMs = options.retryMs ?? RETRY_AFTER_ERROR_MS;
    this.textLines = options.format === 'text' ? new TextLineFormatter() : null;
  }

  /** False while lines cannot be written (after an error, until a retry succeeds). */
  get writable(): boolean {
    return this.stream !== null;
  }

  /** Opens (creates or appends to) the file; rejects with a clear error if it cannot. */
  async open(): Promise<void> {
    const stream = await openAppendStream(this.path);
    stream.on('error', (error) => {
      if (this.stream === stream) this.onStreamError(error);
    });
    this.bytes = this.maxBytes > 0 ? await stat(this.path).then((s) => s.size, () => 0) : 0;
    this.stream = stream;
  }

  /** Reopens the file by name: after logrotate moved it away, new lines go to a new file. */
  reopen(): Promise<void> {
    if (this.reopening !== null) {
      this.reopenAgain = true; // SIGHUPs in quick succession: one more reopen after this one, not one each
      return this.reopening;
    }
    this.reopening = this.reopenNow().finally(() => {
      this.reopening = null;
      if (this.reopenAgain) {
        this.reopenAgain = false;
        void this.reopen();
      }
    });
    return this.reopening;
  }

  private async reopenNow(): Promise<void> {
    this.swapping = true;
    try {
      this.flush(); // what was logged before the swap belongs to the old file
    } finally {
      this.swapping = false;
    }
    const old = this.stream;
    try {
      await this.open();
    } catch (error) {
      this.logger.error(`message log: cannot reopen ${this.path}: ${(error as Error).message}`);
      if (old !== null && !old.destroyed) this.stream = old;
      else this.scheduleRetry();
      return;
    }
    if (old !== null && old !== this.stream) old.end();
    this.logger.info(`message log reopened: ${this.path}`);
  }

  /** Called for every entry (web monitor, metrics); must not throw or block. */
  subscribe(listener: EntryListener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /**
   * Queues one entry. Nothing else happens now: the frame it describes has been sent. The
   * listeners (monitor, metrics, dashboard) and the line's formatting run once per event-loop
   * turn, after every send of the turn (or sooner past MAX_QUEUED entries), in order; the write
   * follows within WRITE_WINDOW_MS.
   */
  write(entry: MessageLogEntry): void {
    this.queued.push(entry);
    if (this.queued.length >= MAX_QUEUED) this.takeQueued();
    else if (!this.takeScheduled) {
      this.takeScheduled = true;
      setImmediate(this.takeQueued);
    }
  }

  /** Hands what is queued to the listeners and the file now (a reader that needs this turn's lines). */
  flush(): void {
    this.takeQueued();
    this.writeNow();
  }

  /** The queued entries to the listeners, their lines to the batch the next write takes. */
  private readonly takeQueued = (): void => {
    this.takeScheduled = false;
    const entries = this.queued;
    if (entries.length > 0) {
      this.queued = [];
      for (const entry of entries) this.take(entry);
    }
    if (this.batchLines > 0 && this.writeTimer === null) this.writeTimer = setTimeout(this.writeNow, WRITE_WINDOW_MS);
  };

  private readonly writeNow = (): void => {
    if (this.writeTimer !== null) clearTimeout(this.writeTimer);
    this.writeTimer = null;
    this.writeBatch();
  };

  private take(entry: MessageLogEntry): void {
    for (const listener of this.listeners) {
      try {
        listener(entry);
      } catch (error) {
        // A listener's bug must not cost the file (or the other listeners) this entry or the rest of the turn.
        if (!this.listenerFailed) this.logger.error(`message log: a listener failed (logged once): ${(error as Error).stack ?? String(error)}`);
        this.listenerFailed = true;
      }
    }
    const stream = this.stream;
    if (stream === null) {
      if (!this.closed) this.droppedLines++;
      return;
    }
    if (stream.writableLength > MAX_PENDING_BYTES) {
      if (this.droppedLines++ === 0) this.logger.warn('message log: disk is not keeping up, dropping lines');
      return;
    }
    if (this.droppedLines > 0) {
      this.logger.warn(`message log: ${this.droppedLines} lines were dropped while the file could not be written`);
      this.droppedLines = 0;
    }
    const line = this.textLines === null ? JSON.stringify(entry) + '\n' : this.textLines.line(entry);
    this.batch += line;
    this.batchLines++;
    if (this.batch.length >= BATCH_BYTES) this.writeBatch();
    if (this.maxBytes > 0) {
      this.bytes += Buffer.byteLength(line);
      if (this.bytes >= this.maxBytes && this.reopening === null && !this.swapping) void this.rotate();
    }
  }

  /** Writes the lines formatted so far, in one write. */
  private writeBatch(): void {
    if (this.batchLines === 0) return;
    const text = this.batch;
    const lines = this.batchLines;
    this.batch = '';
    this.batchLines = 0;
    if (this.stream === null) this.droppedLines += lines;
    else this.stream.write(text);
  }

  /** Flushes everything written so far and closes the file. */
  async close(): Promise<void> {
    this.flush();
    this.closed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.reopening !== null) await this.reopening;
    const stream = this.stream;
    this.stream = null;
    if (stream === null || stream.destroyed) return;
    await new Promise<void>((resolve) => stream.end(resolve));
  }

  /** The size cap: the full file becomes PATH.1 (the previous PATH.1 goes), a new one starts. */
  private rotate(): Promise<void> {
    this.flush(); // the lines up to the cap go to the file that is moved aside
    this.bytes = 0;
    this.reopening = rename(this.path, `${this.path}.1`)
      .then(
        () => this.reopenNow(),
        (error: Error) => this.logger.error(`message log: cannot move ${this.path} aside at [messages] max_size: ${error.message}`),
      )
      .finally(() => {
        this.reopening = null;
      });
    return this.reopening;
  }

  private onStreamError(error: Error): void {
    this.logger.error(`message log: writing ${this.path} failed: ${error.message}; trying again every ${this.retryMs / 1000} s`);
    this.stream = null;
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer !== null) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.closed || this.stream !== null) return;
      this.open().then(
        () => this.logger.info(`message log: writing ${this.path} again (${this.droppedLines} lines were lost meanwhile)`),
        () => this.scheduleRetry(),
      );
    }, this.retryMs);
    this.retryTimer.unref();
  }
}

function openAppendStream(path: string): Promise<WriteStream> {
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(path, { flags: 'a' });
    const onError = (error: Error) => reject(new Error(`cannot open message log ${path}: ${error.message}`));
    stream.once('error', onError);
    stream.once('open', () => {
      stream.off('error', onError);
      resolve(stream);
    });
  });
}
