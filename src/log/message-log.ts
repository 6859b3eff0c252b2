// The message log: one JSON object per line, per frame per hop (see CONTRACT.md).
// One append stream: writes are queued in order and never block the event loop, so lines
// never interleave. reopen() swaps the stream for logrotate (SIGHUP).

import { createWriteStream, type WriteStream } from 'node:fs';
import type { Logger } from './console-log.ts';

export type FrameType = 'CALL' | 'CALLRESULT' | 'CALLERROR' | 'CALLRESULTERROR' | 'SEND' | 'INVALID';
export type Tag = 'fixed' | 'blocked' | 'injected' | 'dropped' | 'queued' | 'replayed';

export interface MessageLogEntry {
  ts: string;
  charger: string;
  /** `charger`, `proxy`, or an upstream name. */
  from: string;
  to: string;
  type: FrameType;
  id: string | null;
  action: string | null;
  tags: Tag[];
  /** The frame exactly as it went on the wire to `to` (as received for INVALID), secrets redacted. */
  raw: string;
  /** On a connection's first line: the OCPP version and how it was found. */
  protocol?: string;
  protocol_source?: string;
}

export type EntryListener = (entry: MessageLogEntry) => void;

/** Above this many queued bytes (a stalled disk) lines are counted and dropped, not buffered. */
const MAX_PENDING_BYTES = 16 * 1024 * 1024;

export class MessageLog {
  readonly path: string;
  private readonly logger: Logger;
  private stream: WriteStream | null = null;
  private droppedLines = 0;
  private readonly listeners: EntryListener[] = [];

  constructor(path: string, logger: Logger) {
    this.path = path;
    this.logger = logger;
  }

  /** Opens (creates or appends to) the file; rejects with a clear error if it cannot. */
  async open(): Promise<void> {
    const stream = await openAppendStream(this.path);
    stream.on('error', (error) => {
      if (this.stream === stream) this.onStreamError(error);
    });
    this.stream = stream;
  }

  /** Reopens the file by name: after logrotate moved it away, new lines go to a new file. */
  async reopen(): Promise<void> {
    const old = this.stream;
    try {
      await this.open();
    } catch (error) {
      this.logger.error(`message log: cannot reopen ${this.path}: ${(error as Error).message}`);
      this.stream = old;
      return;
    }
    old?.end();
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

  write(entry: MessageLogEntry): void {
    for (const listener of this.listeners) listener(entry);
    const stream = this.stream;
    if (stream === null) return;
    if (stream.writableLength > MAX_PENDING_BYTES) {
      if (this.droppedLines++ === 0) this.logger.warn('message log: disk is not keeping up, dropping lines');
      return;
    }
    if (this.droppedLines > 0) {
      this.logger.warn(`message log: ${this.droppedLines} lines were dropped while the disk was slow`);
      this.droppedLines = 0;
    }
    stream.write(JSON.stringify(entry) + '\n');
  }

  /** Flushes everything written so far and closes the file. */
  async close(): Promise<void> {
    const stream = this.stream;
    this.stream = null;
    if (stream === null || stream.destroyed) return;
    await new Promise<void>((resolve) => stream.end(resolve));
  }

  private onStreamError(error: Error): void {
    this.logger.error(`message log: writing ${this.path} failed: ${error.message} (logging paused until SIGHUP)`);
    this.stream = null;
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
