// Entry point: the command line, and the process-level wiring of the daemon (signals, exit codes).

import { dirname, resolve } from 'node:path';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { addonIni, type AddonOptions } from './cli/ha-addon.ts';
import { runDemo } from './cli/demo.ts';
import { runCli, type LogsArguments, type SessionsOptions } from './cli/cli.ts';
import { printLogs, type LogsOptions } from './cli/logs.ts';
import { sessionsCsv, sessionsTable } from './store/sessions-format.ts';
import { DEFAULTS } from './config/config.ts';
import { Store, type SessionRow } from './store/store.ts';
import { sharedSessions } from './store/shared-state.ts';
import { formatProblem, loadConfig, readerOptions, type CliOptions } from './config/load-config.ts';
import { describeUpstreams } from './log/describe-upstreams.ts';
import { createLoggers } from './log/console-log.ts';
import { Daemon, StartupError } from './daemon.ts';
import { hashPasswordCommand } from './cli/hash-password.ts';
import { configWarnings } from './config/warnings.ts';
import { onlyHelpOrVersion, unsupportedRuntime } from './runtime.ts';

async function run(options: CliOptions): Promise<number> {
  stdoutGoneEnds = false; // the daemon outlives its console
  const { config, problems } = loadConfig(options);
  if (config === null) {
    process.stderr.write(`ocpp-proxy: ${formatProblem(problems[0]!)}\n`);
    return 2;
  }
  const loggers = createLoggers(config.logLevels);
  const daemon = new Daemon(config, loggers);
  // Signals are handled from the first moment: one that comes during start-up stops the daemon
  // once it is up, instead of killing it half-started.
  let signalled: string | null = null;
  let onSignal: ((signal: string) => void) | null = null;
  const signal = (name: string) => {
    if (signalled !== null) return;
    signalled = name;
    onSignal?.(name);
  };
  process.on('SIGTERM', () => signal('SIGTERM'));
  process.on('SIGINT', () => signal('SIGINT'));
  process.on('SIGHUP', () => void daemon.reload());
  try {
    await daemon.start();
  } catch (error) {
    process.stderr.write(`ocpp-proxy: ${(error as Error).message}\n`);
    return error instanceof StartupError && error.code !== 'ERR_LISTEN' ? 2 : 1;
  }
  if (config.configFile !== null) loggers.proxy.info(`configuration: ${config.configFile}`);
  for (const warning of configWarnings(config)) loggers.proxy.warn(warning);

  return new Promise<number>((resolve) => {
    const stop = (name: string) => {
      loggers.proxy.info(`${name}: closing chargers and stopping`);
      daemon.stop().then(
        () => resolve(0),
        (error: Error) => {
          loggers.proxy.error(`while stopping: ${error.message}`);
          resolve(1);
        },
      );
    };
    if (signalled !== null) stop(signalled);
    else onSignal = stop;
  });
}

async function check(options: CliOptions): Promise<number> {
  const { config, problems, unreadable } = loadConfig(options);
  for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);
  if (config === null) return unreadable ? 2 : 1;
  for (const warning of configWarnings(config)) process.stdout.write(`${config.configFile ?? 'command line'}: warning: ${warning}\n`);
  process.stdout.write(`${config.configFile ?? 'command line'}: ok\n`);
  for (const line of describeUpstreams(config)) process.stdout.write(`  ${line}\n`);
  return 0;
}

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

async function sessions(options: CliOptions, filter: SessionsOptions): Promise<number> {
  const since = filter.since === undefined ? undefined : new Date(filter.since);
  if (since !== undefined && Number.isNaN(since.getTime())) {
    process.stderr.write(`ocpp-proxy: --since '${filter.since}' is not a date (e.g. 2026-11-01 or 2026-11-01T08:00:00Z)\n`);
    return 2;
  }
  const query: { since?: string; charger?: string } = {};
  if (since !== undefined) query.since = since.toISOString();
  if (filter.charger !== undefined) query.charger = filter.charger;
  const config = options.state === undefined ? loadConfig(readerOptions(options)).config : null;
  let rows: SessionRow[];
  if (config?.store.url != null) {
    // Shared state: every instance's sessions, from PostgreSQL.
    try {
      rows = await sharedSessions<SessionRow>(config.store.url, query);
    } catch (error) {
      process.stderr.write(`ocpp-proxy: ${(error as Error).message}\n`);
      return 2;
    }
  } else {
    // The state path: --state, else the configuration's [store] path, else the default.
    const path = options.state ?? config?.statePath ?? DEFAULTS.statePath;
    if (!existsSync(path)) {
      process.stderr.write(`ocpp-proxy: no state database at ${path} (set --state or [store] path)\n`);
      return 2;
    }
    if (!readable(path)) {
      process.stderr.write(`ocpp-proxy: cannot read ${path}: permission denied (the service's state is readable by root: sudo ocpp-proxy sessions)\n`);
      return 2;
    }
    let store: Store;
    try {
      store = Store.open(path);
    } catch (error) {
      process.stderr.write(`ocpp-proxy: ${(error as Error).message}\n`);
      return 2;
    }
    rows = store.sessions(query);
    void store.close();
  }
  process.stdout.write(filter.csv ? sessionsCsv(rows) : sessionsTable(rows));
  return 0;
}

async function logs(options: CliOptions, args: LogsArguments): Promise<number> {
  const file = args.file ?? loadConfig(readerOptions(options)).config?.messageLogFile ?? DEFAULTS.messageLogFile;
  if (file !== '-' && !existsSync(file)) {
    process.stderr.write(`ocpp-proxy: no message log at ${file}\n`);
    return 2;
  }
  if (file !== '-' && !readable(file)) {
    process.stderr.write(`ocpp-proxy: cannot read ${file}: permission denied (the service's log is readable by root: sudo ocpp-proxy logs)\n`);
    return 2;
  }
  const since = args.since === undefined ? undefined : Date.parse(args.since);
  if (since !== undefined && Number.isNaN(since)) {
    process.stderr.write(`ocpp-proxy: --since '${args.since}' is not a date\n`);
    return 2;
  }
  const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
  const { since: _since, ...rest } = args;
  const printOptions: LogsOptions = { ...rest, file, color };
  if (since !== undefined) printOptions.since = since;
  await printLogs(printOptions, process.stdin, process.stdout, process.stderr);
  return 0;
}

/** The Home Assistant add-on's run script: its options as an INI file on stdout. */
async function haAddonIni(optionsFile: string): Promise<number> {
  try {
    // State and message log go beside options.json: /data in the add-on.
    // OCPP_PROXY_SUPERVISOR_ADDRESS stands in for the Supervisor's address where there is none (tests).
    const supervisor = process.env.OCPP_PROXY_SUPERVISOR_ADDRESS || undefined;
    process.stdout.write(addonIni(JSON.parse(readFileSync(optionsFile, 'utf8')) as AddonOptions, dirname(resolve(optionsFile)), supervisor));
    return 0;
  } catch (error) {
    process.stderr.write(`ocpp-proxy: add-on options ${optionsFile}: ${(error as Error).message}\n`);
    return 2;
  }
}

// A reader of stdout/stderr that goes away (`| head`, a journald restart) must never make the
// process spin: printing commands end quietly like `cat`, the daemon goes on without a console
// (the message log keeps working), and the last-resort handler cannot raise again.
let stdoutGoneEnds = true;
const isBrokenPipe = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
process.stdout.on('error', (error) => {
  if (isBrokenPipe(error) && stdoutGoneEnds) process.exit(0);
});
process.stderr.on('error', () => undefined);
let reporting = false;
process.on('uncaughtException', (error: Error) => {
  // Last line of defence: one charger's bad luck must not take the others down.
  if (reporting || isBrokenPipe(error)) return;
  reporting = true;
  try {
    if (process.stderr.writable) process.stderr.write(`ocpp-proxy: unexpected error (kept running): ${error.stack ?? error.message}\n`);
  } catch {
    // stderr is gone: nothing left to tell.
  } finally {
    reporting = false;
  }
});

const args = process.argv.slice(2);
const unsupported = unsupportedRuntime();
if (unsupported !== null && !onlyHelpOrVersion(args)) {
  process.stderr.write(`${unsupported}\n`);
  process.exit(1);
}

runCli(args, { run, check, hashPassword: () => hashPasswordCommand(process.stdin, process.stdout, process.stderr), sessions, logs, haAddonIni, demo: runDemo }).then(
  (code) => {
    // Exit now (reconnect timers of closed links must not keep a stopped daemon alive), but only
    // once what was printed has left: a pipe's reader may still be reading (`sessions --csv | less`).
    process.stdout.write('', () => process.exit(code));
  },
  (error: Error) => {
    process.stderr.write(`ocpp-proxy: ${error.message}\n`);
    process.exit(1);
  },
);
