// The running proxy: message log + charger listener, and how they start, reload and stop.

import type { Config } from './config/config.ts';
import { describeUpstreams } from './config/describe.ts';
import type { Loggers } from './log/console-log.ts';
import { MessageLog } from './log/message-log.ts';
import { ProxyServer } from './listener/proxy-server.ts';

export class StartupError extends Error {
  readonly code: 'ERR_LOG_FILE' | 'ERR_LISTEN';
  constructor(code: StartupError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

export class Daemon {
  readonly config: Config;
  readonly loggers: Loggers;
  readonly messageLog: MessageLog;
  readonly server: ProxyServer;
  port = 0;

  constructor(config: Config, loggers: Loggers) {
    this.config = config;
    this.loggers = loggers;
    this.messageLog = new MessageLog(config.messageLogFile, loggers.proxy);
    this.server = new ProxyServer(config, loggers, this.messageLog);
  }

  async start(): Promise<void> {
    try {
      await this.messageLog.open();
    } catch (error) {
      throw new StartupError('ERR_LOG_FILE', `${(error as Error).message} (set [messages] file or --log-file)`);
    }
    try {
      this.port = await this.server.listen();
    } catch (error) {
      await this.messageLog.close();
      const { host, port } = this.config.listen;
      throw new StartupError('ERR_LISTEN', `cannot listen on ${host}:${port}: ${(error as Error).message} (set [host] addr/port or --listen-host/--listen-port)`);
    }
    for (const line of describeUpstreams(this.config)) this.loggers.proxy.info(line);
    this.loggers.proxy.info(`message log: ${this.config.messageLogFile}`);
  }

  /** SIGHUP: reopen the message log (logrotate). */
  async reload(): Promise<void> {
    await this.messageLog.reopen();
  }

  /** SIGTERM/SIGINT: chargers closed with 1001, log flushed. */
  async stop(): Promise<void> {
    await this.server.close();
    await this.messageLog.close();
  }
}
