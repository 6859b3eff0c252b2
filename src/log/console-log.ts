// Console log on stdout: `TIME LEVEL logger: text`, coloured by chalk only when stdout is a TTY.
// Three loggers as in ocpp-2w-proxy: proxy, websockets.client (upstreams), websockets.server (chargers).

import { Chalk } from 'chalk';
import type { Config, LogLevel } from '../config/config.ts';

const RANK: Record<LogLevel, number> = { DEBUG: 10, INFO: 20, WARNING: 30, ERROR: 40 };

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
const escapeControl = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

export type LogSink = (line: string) => void;

export class Logger {
  readonly name: string;
  private readonly threshold: number;
  private readonly sink: LogSink;
  private readonly paint: InstanceType<typeof Chalk>;
  /** Put before every text (a child logger's `CHARGER: `). */
  private readonly prefix: string;

  constructor(name: string, level: LogLevel, sink: LogSink, paint: InstanceType<typeof Chalk>, prefix = '') {
    this.name = name;
    this.threshold = RANK[level];
    this.sink = sink;
    this.paint = paint;
    this.prefix = prefix;
  }

  /** The same logger, every line prefixed `PREFIX: ` (one per charger session). */
  child(prefix: string): Logger {
    const level = (Object.keys(RANK) as LogLevel[]).find((name) => RANK[name] === this.threshold)!;
    return new Logger(this.name, level, this.sink, this.paint, `${this.prefix}${prefix}: `);
  }

  enabled(level: LogLevel): boolean {
    return RANK[level] >= this.threshold;
  }

  debug(text: string): void {
    if (this.threshold <= RANK.DEBUG) this.write('DEBUG', text);
  }
  info(text: string): void {
    if (this.threshold <= RANK.INFO) this.write('INFO', text);
  }
  warn(text: string): void {
    if (this.threshold <= RANK.WARNING) this.write('WARNING', text);
  }
  error(text: string): void {
    this.write('ERROR', text);
  }

  private write(level: LogLevel, text: string): void {
    // Peer-supplied text (charger ids, URLs, reasons) cannot forge a line or move the cursor.
    if (this.prefix !== '') text = this.prefix + text;
    if (CONTROL.test(text)) text = text.replace(CONTROL_ALL, escapeControl);
    const p = this.paint;
    const label = level === 'ERROR' ? p.red(level) : level === 'WARNING' ? p.yellow(level) : level === 'DEBUG' ? p.gray(level) : p.green(level);
    this.sink(`${p.dim(new Date().toISOString())} ${label} ${p.cyan(this.name)}: ${text}\n`);
  }
}

export interface Loggers {
  proxy: Logger;
  client: Logger;
  server: Logger;
}

/** The three loggers with every line prefixed `PREFIX: `. */
export function childLoggers(loggers: Loggers, prefix: string): Loggers {
  return { proxy: loggers.proxy.child(prefix), client: loggers.client.child(prefix), server: loggers.server.child(prefix) };
}

/** Builds the three loggers; colours follow chalk's detection for stdout unless told otherwise. */
export function createLoggers(levels: Config['logLevels'], sink?: LogSink, color?: boolean): Loggers {
  const write: LogSink = sink ?? ((line) => void process.stdout.write(line));
  const paint = new Chalk(color === false || (color === undefined && sink !== undefined) ? { level: 0 } : undefined);
  return {
    proxy: new Logger('proxy', levels.proxy, write, paint),
    client: new Logger('websockets.client', levels.client, write, paint),
    server: new Logger('websockets.server', levels.server, write, paint),
  };
}
