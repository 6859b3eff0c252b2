// The command line (yargs): `run` (default) and `check`; options as in CONTRACT.md.

import yargs, { type Argv } from 'yargs';
import type { CliOptions } from '../config/load-config.ts';
import { VERSION } from '../version.ts';
import { closest } from '../config/suggest.ts';

export interface CliActions {
  run(options: CliOptions): Promise<number>;
  check(options: CliOptions): Promise<number>;
  hashPassword(): Promise<number>;
  sessions(options: CliOptions, filter: SessionsOptions): Promise<number>;
  logs(options: CliOptions, logs: LogsArguments): Promise<number>;
  haAddonIni(optionsFile: string): Promise<number>;
  demo(): Promise<number>;
}

export interface LogsArguments {
  file?: string;
  follow: boolean;
  payload: boolean;
  raw: boolean;
  pairs: boolean;
  charger?: string;
  action?: string;
  since?: string;
}

export interface SessionsOptions {
  csv: boolean;
  since?: string;
  charger?: string;
}

function connectionOptions(y: Argv): Argv {
  return y
    .option('config', { alias: 'c', type: 'string', describe: 'INI file (default ./ocpp-2w-proxy.ini if it exists)' })
    .option('listen-host', { type: 'string', describe: 'charger listener address [host] addr (default 0.0.0.0)' })
    .option('listen-port', { type: 'string', describe: 'charger listener port [host] port (default 8888)' })
    .option('target-host', { type: 'string', describe: 'primary at ws://HOST:PORT (Wallbox-EVCC-Proxy style)' })
    .option('target-port', { type: 'string', describe: 'port for --target-host (default 8887)' })
    .option('primary', { type: 'string', describe: 'primary upstream base URL [ext-server] server' })
    .option('secondary', { type: 'string', describe: 'secondary upstream base URL, repeatable [ext-server] secondary_server' })
    .option('web-host', { type: 'string', describe: 'web monitor address [web] host (default 127.0.0.1)' })
    .option('web-port', { type: 'string', describe: 'web monitor port, 0 = off [web] port (default 8889)' })
    .option('log-file', { type: 'string', describe: 'message log file [messages] file (default ./ocpp_messages.log)' })
    .option('log-format', { type: 'string', describe: 'message log format, jsonl or text [messages] format (default jsonl)' })
    .option('log-level', { type: 'string', describe: 'DEBUG, INFO, WARNING or ERROR [logging] proxy (default INFO)' })
    .option('state', { type: 'string', describe: 'SQLite state file [store] path (default ./ocpp-proxy.db)' })
    .option('debug', { type: 'boolean', describe: 'same as --log-level DEBUG' });
}

/** yargs hands repeated options over as arrays; a single-valued option keeps its last value. */
function toCliOptions(argv: Record<string, unknown>): CliOptions {
  const last = (value: unknown): string | undefined => {
    if (value === undefined) return undefined;
    return Array.isArray(value) ? (value.length > 0 ? String(value.at(-1)) : undefined) : String(value);
  };
  const secondary = argv.secondary;
  return {
    config: last(argv.config),
    listenHost: last(argv.listenHost),
    listenPort: last(argv.listenPort),
    targetHost: last(argv.targetHost),
    targetPort: last(argv.targetPort),
    primary: last(argv.primary),
    secondary: secondary === undefined ? undefined : (Array.isArray(secondary) ? secondary : [secondary]).map(String),
    webHost: last(argv.webHost),
    webPort: last(argv.webPort),
    logFile: last(argv.logFile),
    logFormat: last(argv.logFormat),
    logLevel: last(argv.logLevel),
    state: last(argv.state),
    debug: argv.debug === true,
  };
}

const KNOWN_OPTIONS = [
  'config', 'listen-host', 'listen-port', 'target-host', 'target-port', 'primary', 'secondary', 'web-host', 'web-port', 'log-file', 'log-format',
  'log-level', 'state', 'debug', 'csv', 'since', 'charger', 'follow', 'payload', 'no-payload', 'raw', 'pairs', 'action', 'help', 'version',
];
const KNOWN_COMMANDS = ['run', 'check', 'sessions', 'logs', 'demo', 'hash-password'];

/** yargs' "Unknown argument(s): a, b" with "did you mean --x?" for each likely typo. */
function withSuggestions(message: string): string {
  const unknown = /^Unknown arguments?: (.*)$/.exec(message);
  if (unknown === null) return message;
  // yargs lists a mistyped kebab-case option twice, the second time camel-cased.
  const names = unknown[1]!.split(', ').filter((name) => !/[A-Z]/.test(name));
  const described = names.map((name) => {
    const option = closest(name, KNOWN_OPTIONS);
    if (option !== null) return `${name} (did you mean --${option}?)`;
    const command = closest(name, KNOWN_COMMANDS);
    return command === null ? name : `${name} (did you mean ${command}?)`;
  });
  return `Unknown argument${names.length === 1 ? '' : 's'}: ${described.join(', ')}`;
}

type Chosen =
  | { action: 'run' | 'check'; options: CliOptions }
  | { action: 'hashPassword' }
  | { action: 'sessions'; options: CliOptions; filter: SessionsOptions }
  | { action: 'logs'; options: CliOptions; logs: LogsArguments }
  | { action: 'haAddonIni'; file: string }
  | { action: 'demo' };

/** Parses `args` and runs the chosen command; resolves with the process exit code. */
export async function runCli(args: string[], actions: CliActions): Promise<number> {
  // Handlers only record the choice: yargs may call one before its strict checks fail.
  let chosen: Chosen | null = null;
  let usageError: string | null = null;
  await yargs(args)
    .scriptName('ocpp-proxy')
    .usage('$0 [run] [options]\n\nOCPP-J proxy: one charger, one primary CSMS and any number of secondaries.')
    .command(['run', '$0'], 'run the proxy (default command)', connectionOptions, (argv) => {
      chosen = { action: 'run', options: toCliOptions(argv) };
    })
    .command('check', 'validate a configuration: exit 0 when usable, 1 with one problem per line', connectionOptions, (argv) => {
      chosen = { action: 'check', options: toCliOptions(argv) };
    })
    .command(
      'sessions',
      'print the charging sessions from the state database',
      (y) =>
        y
          .option('config', { alias: 'c', type: 'string', describe: 'INI file (for [store] path)' })
          .option('state', { type: 'string', describe: 'SQLite state file (default: [store] path)' })
          .option('csv', { type: 'boolean', describe: 'CSV instead of a table' })
          .option('since', { type: 'string', describe: 'only sessions from this date or time on (e.g. 2026-11-01)' })
          .option('charger', { type: 'string', describe: 'only this charger id' }),
      (argv) => {
        const filter: SessionsOptions = { csv: argv.csv === true };
        if (typeof argv.since === 'string') filter.since = argv.since;
        if (typeof argv.charger === 'string') filter.charger = argv.charger;
        chosen = { action: 'sessions', options: toCliOptions(argv), filter };
      },
    )
    .command(
      'logs [file]',
      'print a message log for people (FILE, a rotated .1 or .gz, or - for stdin; default: the configured log)',
      (y) =>
        y
          .positional('file', { type: 'string' })
          .option('config', { alias: 'c', type: 'string', describe: 'INI file (for [messages] file)' })
          .option('follow', { alias: 'f', type: 'boolean', default: false, describe: 'keep printing new lines, across log rotation' })
          .option('payload', { type: 'boolean', default: true, describe: 'show payloads (--no-payload hides them)' })
          .option('raw', { type: 'boolean', default: false, describe: 'show each frame as it went on the wire' })
          .option('pairs', { type: 'boolean', default: false, describe: 'print each request with its response and the latency' })
          .option('charger', { type: 'string', describe: 'only this charger id' })
          .option('action', { type: 'string', describe: 'only this action' })
          .option('since', { type: 'string', describe: 'only entries from this date or time on' }),
      (argv) => {
        const logs: LogsArguments = { follow: argv.follow === true, payload: argv.payload !== false, raw: argv.raw === true, pairs: argv.pairs === true };
        if (typeof argv.file === 'string') logs.file = argv.file;
        if (typeof argv.charger === 'string') logs.charger = argv.charger;
        if (typeof argv.action === 'string') logs.action = argv.action;
        if (typeof argv.since === 'string') logs.since = argv.since;
        chosen = { action: 'logs', options: toCliOptions(argv), logs };
      },
    )
    .command('demo', 'run a simulated charger and two simulated CSMSes through the proxy; watch the web monitor', (y) => y, () => {
      chosen = { action: 'demo' };
    })
    .command('ha-addon-ini <options>', false, (y) => y.positional('options', { type: 'string', demandOption: true }), (argv) => {
      chosen = { action: 'haAddonIni', file: String(argv.options) };
    })
    .command('hash-password', 'print a [chargers] hash of the password read from standard input', (y) => y, () => {
      chosen = { action: 'hashPassword' };
    })
    .strict()
    .version(VERSION)
    .alias('version', 'V')
    .help()
    .alias('help', 'h')
    .wrap(null)
    .exitProcess(false)
    .fail((message: string | undefined, error: Error | undefined) => {
      usageError = message ?? error?.message ?? 'invalid command line';
    })
    .parseAsync();
  if (usageError !== null) {
    process.stderr.write(`ocpp-proxy: ${withSuggestions(usageError)} (see ocpp-proxy --help)\n`);
    return 2;
  }
  const command = chosen as Chosen | null;
  if (command === null) return 0; // --help or --version was printed
  if (command.action === 'hashPassword') return actions.hashPassword();
  if (command.action === 'sessions') return actions.sessions(command.options, command.filter);
  if (command.action === 'logs') return actions.logs(command.options, command.logs);
  if (command.action === 'haAddonIni') return actions.haAddonIni(command.file);
  if (command.action === 'demo') return actions.demo();
  return actions[command.action](command.options);
}
