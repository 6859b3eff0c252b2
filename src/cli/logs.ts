// `ocpp-proxy logs`: the message log for people. Reads a file (rotated `.1` and `.gz` too) or
// stdin, in either format (JSON Lines or text, even mixed after a change of format), follows it
// across rotation like `tail -F`, colours by hop and type, filters, and can pair each request
// with its response and the latency.

import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import type { Readable, Writable } from 'node:stream';
import { Chalk } from 'chalk';
import type { MessageLogEntry } from '../log/message-log.ts';
import { parseTextLine } from '../log/text-format.ts';
import type { LogsArguments } from './cli.ts';

/** The command line's choices, resolved: the file to read, `since` as a time, colour decided. */
export interface LogsOptions extends Omit<LogsArguments, 'file' | 'since'> {
  file: string;
  since?: number;
  color: boolean;
}

export class LogPrinter {
  private readonly options: LogsOptions;
  private readonly out: Writable;
  private readonly err: Writable;
  private readonly paint: InstanceType<typeof Chalk>;
  private readonly open = new Map<string, MessageLogEntry>();
  private lineNumber = 0;

  constructor(options: LogsOptions, out: Writable, err: Writable) {
    this.options = options;
    this.out = out;
    this.err = err;
    this.paint = new Chalk({ level: options.color ? 1 : 0 });
  }

  line(text: string): void {
    this.lineNumber++;
    if (text.trim() === '') return;
    let entry: MessageLogEntry;
    try {
      entry = parseLine(text);
    } catch (error) {
      this.err.write(`line ${this.lineNumber}: skipped, ${(error as Error).message}\n`);
      return;
    }
    const { charger, action, since } = this.options;
    if (charger !== undefined && entry.charger !== charger) return;
    if (action !== undefined && entry.action !== action) return;
    if (since !== undefined && Date.parse(entry.ts) < since) return;
    if (this.options.pairs) this.pair(entry);
    else this.out.write(`${this.format(entry)}\n`);
  }

  private format(e: MessageLogEntry): string {
    const p = this.paint;
    const hop = visible(`${e.from} → ${e.to}`);
    const hopColour = e.type === 'INVALID' ? p.gray(hop) : e.from === 'charger' ? p.blue(hop) : e.to === 'charger' ? p.green(hop) : p.magenta(hop);
    const type = e.type === 'CALLERROR' || e.type === 'INVALID' ? p.red(e.type) : e.type === 'CALL' ? p.bold(e.type) : e.type;
    const tags = e.tags.length > 0 ? ` ${p.yellow(visible(`[${e.tags.join(',')}]`))}` : '';
    const head = `${p.dim(e.ts.replace('T', ' ').slice(0, 23))} ${p.cyan(visible(e.charger))} ${hopColour} ${type} ${visible(e.action ?? '')} ${p.dim(visible(e.id ?? ''))}${tags}`;
    if (this.options.raw) return `${head}\n  ${visible(e.raw)}`;
    if (!this.options.payload) return head;
    return `${head}\n  ${payloadText(e)}`;
  }

  /** `--pairs`: each Call with its answer on the same hop reversed, and the latency. */
  private pair(e: MessageLogEntry): void {
    if (e.type === 'CALL') {
      this.open.set(`${e.charger}|${e.id}|${e.from}|${e.to}`, e);
      if (this.open.size > 10_000) this.open.delete(this.open.keys().next().value!);
      return;
    }
    if (e.type !== 'CALLRESULT' && e.type !== 'CALLERROR') {
      this.out.write(`${this.format(e)}\n`);
      return;
    }
    const key = `${e.charger}|${e.id}|${e.to}|${e.from}`;
    const call = this.open.get(key);
    if (call === undefined) {
      this.out.write(`${this.format(e)}\n`);
      return;
    }
    this.open.delete(key);
    const ms = Date.parse(e.ts) - Date.parse(call.ts);
    const p = this.paint;
    const result = e.type === 'CALLERROR' ? p.red('error') : 'ok';
    let text = `${p.dim(call.ts.replace('T', ' ').slice(0, 23))} ${p.cyan(visible(call.charger))} ${visible(`${call.from} → ${call.to}`)} ${p.bold(visible(call.action ?? '?'))} ${result} ${p.yellow(`${ms} ms`)}`;
    if (this.options.payload) text += `\n  ${payloadText(call)}\n  ⇒ ${payloadText(e)}`;
    this.out.write(`${text}\n`);
  }
}

/** A JSON Lines entry starts with `{`; a text line with its date (or `-`). */
function parseLine(text: string): MessageLogEntry {
  if (!text.startsWith('{')) return parseTextLine(text.endsWith('\r') ? text.slice(0, -1) : text);
  const entry = JSON.parse(text) as MessageLogEntry;
  if (typeof entry !== 'object' || entry === null || typeof entry.raw !== 'string' || typeof entry.ts !== 'string') throw new Error('not a message log entry');
  return entry;
}

function payloadText(e: MessageLogEntry): string {
  try {
    const frame = JSON.parse(e.raw) as unknown[];
    const payload = e.type === 'CALL' || e.type === 'SEND' ? frame[3] : e.type === 'CALLRESULT' ? frame[2] : frame.slice(2);
    return visible(JSON.stringify(payload));
  } catch {
    return visible(JSON.stringify(e.raw)); // INVALID frames: as received, escaped
  }
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');

/** As the console log does: a charger id or frame cannot move the cursor, colour or clear the terminal. */
function visible(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROL_ALL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`) : text;
}

/** Prints the log; with `follow`, keeps reading new lines and survives logrotate. Resolves at the end (or never, following). */
export async function printLogs(options: LogsOptions, input: Readable, out: Writable, err: Writable): Promise<void> {
  const lines = new LineReader(new LogPrinter(options, out, err));
  const following = options.follow && options.file !== '-' && !options.file.endsWith('.gz');
  if (!following) {
    let source: Readable = input;
    if (options.file !== '-') source = createReadStream(options.file);
    if (options.file.endsWith('.gz')) source = source.pipe(createGunzip());
    await readAll(source, lines);
    lines.end();
    return;
  }
  const { ino } = await stat(options.file);
  await readAll(createReadStream(options.file), lines);
  // From the last byte read, not the size now: a line written meanwhile is printed, not skipped.
  await follow(options.file, lines, lines.bytes, ino);
}

function readAll(source: Readable, lines: LineReader): Promise<void> {
  return new Promise((resolve, reject) => {
    source.on('data', (chunk: Buffer | string) => lines.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    source.on('end', resolve);
    source.on('error', reject);
  });
}

/**
 * Bytes to lines, cut at `\n` only: a JSON line may hold U+2028 (JSON does not escape it), where
 * node:readline would cut it in two. A character or line cut between two reads waits for the rest.
 */
class LineReader {
  private readonly printer: LogPrinter;
  private decoder = new StringDecoder('utf8');
  private partial = '';
  /** Bytes taken so far (since the last reset). */
  bytes = 0;

  constructor(printer: LogPrinter) {
    this.printer = printer;
  }

  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    const text = this.decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      this.printer.line(this.partial + text.slice(start, end));
      this.partial = '';
      start = end + 1;
    }
    this.partial += text.slice(start);
  }

  /** The last line, if the file does not end with a newline. */
  end(): void {
    const rest = this.partial + this.decoder.end();
    if (rest !== '') this.printer.line(rest);
    this.partial = '';
  }

  /** After rotation: a half line of the old file is not the start of the new one's. */
  reset(): void {
    this.decoder = new StringDecoder('utf8');
    this.partial = '';
    this.bytes = 0;
  }
}

/** Like `tail -F`: polls the file; a new inode or a shorter file means it was rotated. */
async function follow(path: string, lines: LineReader, start: number, startInode: number): Promise<void> {
  let position = start;
  let inode = startInode;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    let info;
    try {
      info = await stat(path);
    } catch {
      continue; // between rotation and the new file
    }
    if (info.ino !== inode || info.size < position) {
      inode = info.ino;
      position = 0;
      lines.reset();
    }
    if (info.size === position) continue;
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(info.size - position);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      position += bytesRead;
      lines.push(buffer.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  }
}
