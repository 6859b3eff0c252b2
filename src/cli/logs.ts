// `ocpp-proxy logs`: the message log for people. Reads a file (rotated `.1` and `.gz` too) or
// stdin, follows it across rotation like `tail -F`, colours by hop and type, filters, and can
// pair each request with its response and the latency.

import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable, Writable } from 'node:stream';
import { Chalk } from 'chalk';
import type { MessageLogEntry } from '../log/message-log.ts';
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
      entry = JSON.parse(text) as MessageLogEntry;
      if (typeof entry !== 'object' || entry === null || typeof entry.raw !== 'string' || typeof entry.ts !== 'string') throw new Error('not a message log entry');
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
    const hop = `${e.from} → ${e.to}`;
    const hopColour = e.type === 'INVALID' ? p.gray(hop) : e.from === 'charger' ? p.blue(hop) : e.to === 'charger' ? p.green(hop) : p.magenta(hop);
    const type = e.type === 'CALLERROR' || e.type === 'INVALID' ? p.red(e.type) : e.type === 'CALL' ? p.bold(e.type) : e.type;
    const tags = e.tags.length > 0 ? ` ${p.yellow(`[${e.tags.join(',')}]`)}` : '';
    const head = `${p.dim(e.ts.replace('T', ' ').slice(0, 23))} ${p.cyan(e.charger)} ${hopColour} ${type} ${e.action ?? ''} ${p.dim(e.id ?? '')}${tags}`;
    if (this.options.raw) return `${head}\n  ${e.raw}`;
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
    let text = `${p.dim(call.ts.replace('T', ' ').slice(0, 23))} ${p.cyan(call.charger)} ${call.from} → ${call.to} ${p.bold(call.action ?? '?')} ${result} ${p.yellow(`${ms} ms`)}`;
    if (this.options.payload) text += `\n  ${payloadText(call)}\n  ⇒ ${payloadText(e)}`;
    this.out.write(`${text}\n`);
  }
}

function payloadText(e: MessageLogEntry): string {
  try {
    const frame = JSON.parse(e.raw) as unknown[];
    const payload = e.type === 'CALL' || e.type === 'SEND' ? frame[3] : e.type === 'CALLRESULT' ? frame[2] : frame.slice(2);
    return JSON.stringify(payload);
  } catch {
    return JSON.stringify(e.raw); // INVALID frames: as received, escaped
  }
}

/** Prints the log; with `follow`, keeps reading new lines and survives logrotate. Resolves at the end (or never, following). */
export async function printLogs(options: LogsOptions, input: Readable, out: Writable, err: Writable): Promise<void> {
  const printer = new LogPrinter(options, out, err);
  if (options.file === '-') return readLines(input, printer);
  let source: Readable = createReadStream(options.file);
  if (options.file.endsWith('.gz')) source = source.pipe(createGunzip());
  await readLines(source, printer);
  if (!options.follow || options.file.endsWith('.gz')) return;
  await follow(options.file, printer);
}

function readLines(source: Readable, printer: LogPrinter): Promise<void> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: source, crlfDelay: Infinity });
    lines.on('line', (line) => printer.line(line));
    lines.on('close', () => resolve());
    source.on('error', reject);
  });
}

/** Like `tail -F`: polls the file; a new inode or a shorter file means it was rotated. */
async function follow(path: string, printer: LogPrinter): Promise<void> {
  let position = (await stat(path)).size;
  let inode = (await stat(path)).ino;
  let partial = '';
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
      partial = '';
    }
    if (info.size === position) continue;
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(info.size - position);
      await handle.read(buffer, 0, buffer.length, position);
      position = info.size;
      const text = partial + buffer.toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) printer.line(line);
    } finally {
      await handle.close();
    }
  }
}

