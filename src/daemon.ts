// The running proxy: message log + charger listener, and how they start, reload and stop.

import { readFile } from 'node:fs/promises';
import type { Config, UpstreamConfig } from './config/config.ts';
import { describeUpstreams } from './log/describe-upstreams.ts';
import type { Loggers } from './log/console-log.ts';
import { MessageLog } from './log/message-log.ts';
import { ProxyServer, type ListenerTls } from './listener/proxy-server.ts';
import type { UpstreamTls } from './upstream/upstream-link.ts';
import { Store } from './store/store.ts';
import { WebServer } from './web/web-server.ts';
import { ChargerEvents } from './events/charger-events.ts';
import { ControlArbiter } from './sharing/control.ts';
import { HomeAssistantBridge } from './sharing/home-assistant.ts';
import { loadOverride, wireSharing } from './sharing/sharing.ts';
import { OutboxWatch } from './sharing/outbox-watch.ts';
import type { SessionContext } from './session/charger-session.ts';
import type { SplitConfig } from './stages/transactions.ts';
import { configuredRules } from './rules/fixups.ts';
import { managedKeys } from './rules/autoconfig.ts';
import { ProxyError } from './errors.ts';

/** What keeps the daemon from starting; `run` exits 1 for ERR_LISTEN, else 2. */
export class StartupError extends ProxyError {}

export class Daemon {
  readonly config: Config;
  readonly loggers: Loggers;
  readonly messageLog: MessageLog;
  server!: ProxyServer;
  store: Store | null = null;
  private pruneTimer: NodeJS.Timeout | null = null;
  private outboxWatch: OutboxWatch | null = null;
  web: WebServer | null = null;
  homeAssistant: HomeAssistantBridge | null = null;
  port = 0;
  webPort = 0;

  constructor(config: Config, loggers: Loggers) {
    this.config = config;
    this.loggers = loggers;
    this.messageLog = new MessageLog(config.messageLogFile, loggers.proxy, { maxBytes: config.messageLogMaxBytes, format: config.messageLogFormat });
  }

  async start(): Promise<void> {
    const upstreamTls = await loadUpstreamTls(this.config.upstreams);
    const { url, instance, wait, lease } = this.config.store;
    try {
      this.store = url === null ? Store.open(this.config.statePath) : await Store.openShared({ url, instance, wait, lease, log: this.loggers.proxy });
    } catch (error) {
      throw new StartupError('ERR_STORE', (error as Error).message);
    }
    const outbox = this.store.outbox;
    outbox.onError = (message) => this.loggers.proxy.error(`state database, outbox: ${message} (the frame went live; ${outbox.lost} outbox writes lost so far)`);
    this.pruneOutboxes();
    this.pruneTimer = setInterval(() => this.pruneOutboxes(), 3_600_000);
    this.pruneTimer.unref();
    const events = new ChargerEvents();
    if (this.config.homeAssistant.url !== null) this.homeAssistant = new HomeAssistantBridge(this.config.homeAssistant, this.loggers.proxy);
    const control = new ControlArbiter(this.config, () => this.homeAssistant?.verdict() ?? null, (charger, state) =>
      events.emit({ event: 'control_changed', charger, at: new Date().toISOString(), holder: state.holder }),
    );
    control.setOverride(loadOverride(this.store));
    wireSharing(events, control, this.homeAssistant, this.loggers.proxy);
    this.outboxWatch = new OutboxWatch(outbox, this.config.outbox.alertSeconds, this.homeAssistant, this.loggers.proxy);
    this.outboxWatch.start();
    // Everything charger sessions share, in one place.
    const context: SessionContext = {
      config: this.config,
      loggers: this.loggers,
      messageLog: this.messageLog,
      upstreamTls,
      fixupRules: configuredRules(this.config.fixups),
      lockedKeys: this.config.autoconfigLock ? managedKeys(this.config.autoconfig) : null,
      split: splitConfig(this.config),
      store: this.store,
      events,
      control,
    };
    this.server = new ProxyServer(context, await this.listenerTls());
    // Shared state: another instance took one of this one's chargers (rule 9 across instances).
    this.store.onTakeover = (charger) => this.server.handOver(charger);
    if (this.homeAssistant !== null) await this.homeAssistant.start();
    try {
      await this.messageLog.open();
    } catch (error) {
      throw new StartupError('ERR_LOG_FILE', `${(error as Error).message} (set [messages] file or --log-file)`);
    }
    try {
      this.port = await this.server.listen();
    } catch (error) {
      await this.messageLog.close();
      await this.store?.close();
      const { host, port } = this.config.listen;
      throw new StartupError('ERR_LISTEN', `cannot listen on ${host}:${port}: ${(error as Error).message} (set [host] addr/port or --listen-host/--listen-port)`);
    }
    if (this.config.web.port !== 0) {
      this.web = new WebServer(this.config, this.server, this.messageLog, this.store, this.loggers.proxy);
      try {
        this.webPort = await this.web.listen();
      } catch (error) {
        // The monitor is an extra: the proxy runs on without it.
        const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? ' (the port is in use by another program)' : '';
        this.loggers.proxy.error(
          `web monitor: cannot listen on ${this.config.web.host}:${this.config.web.port}${busy}: ${(error as Error).message}; ` +
            'set [web] port or --web-port (0 turns the monitor off); the proxy runs on without it',
        );
        await this.web.close();
        this.web = null;
      }
    }
    for (const line of describeUpstreams(this.config)) this.loggers.proxy.info(line);
    const state = url === null ? this.config.statePath : `${this.store.path} (shared, as instance ${instance})`;
    this.loggers.proxy.info(`message log: ${this.config.messageLogFile}; state: ${state}`);
  }

  /** SIGHUP: reopen the message log (logrotate) and reload the listener's certificate. */
  async reload(): Promise<void> {
    if (this.port === 0) return; // not started yet
    await this.messageLog.reopen();
    try {
      const tls = await this.listenerTls();
      if (tls !== null) {
        this.server.reloadTls(tls);
        this.loggers.proxy.info('listener certificate reloaded');
      }
    } catch (error) {
      this.loggers.proxy.error(`${(error as Error).message}; keeping the previous certificate`);
    }
  }

  private async listenerTls(): Promise<ListenerTls | null> {
    const { certChain, certKey } = this.config.listen;
    if (certChain === null || certKey === null) return null;
    return { cert: await readPem(certChain, '[host] cert_chain'), key: await readPem(certKey, '[host] cert_key') };
  }

  /** `[host] outbox_days`: what an upstream has not taken for that long is dropped, logged and counted. */
  private pruneOutboxes(): void {
    const store = this.store;
    if (store === null) return;
    const gone = store.outbox.prune(Date.now() - this.config.outbox.days * 86_400_000);
    if (gone > 0) this.loggers.proxy.warn(`${gone} outbox entries older than ${this.config.outbox.days} days dropped ([host] outbox_days)`);
  }

  /** SIGTERM/SIGINT: chargers closed with 1001, log flushed. */
  async stop(): Promise<void> {
    if (this.pruneTimer !== null) clearInterval(this.pruneTimer);
    this.outboxWatch?.stop();
    this.homeAssistant?.stop();
    await this.web?.close();
    this.web = null;
    await this.server.close();
    await this.messageLog.close();
    await this.store?.close();
    this.store = null;
  }
}

async function readPem(path: string, where: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new StartupError('ERR_TLS_FILE', `${where}: cannot read ${path}: ${(error as Error).message}`);
  }
}

/** CA, client certificate and key per wss:// upstream, read once. */
async function loadUpstreamTls(upstreams: UpstreamConfig[]): Promise<Map<UpstreamConfig, UpstreamTls>> {
  const material = new Map<UpstreamConfig, UpstreamTls>();
  for (const upstream of upstreams) {
    const where = `[upstream.${upstream.name}]`;
    const tls: UpstreamTls = { rejectUnauthorized: !upstream.insecure };
    if (upstream.ca !== null) tls.ca = await readPem(upstream.ca, `${where} ca`);
    if (upstream.cert !== null) tls.cert = await readPem(upstream.cert, `${where} cert`);
    if (upstream.key !== null) tls.key = await readPem(upstream.key, `${where} key`);
    material.set(upstream, tls);
  }
  return material;
}

/** RFID tag → owning upstream, from `primary_rfid`, `secondary_rfid` and `[upstream.NAME] rfid`. */
function splitConfig(config: Config): SplitConfig {
  const tagOwners = new Map<string, string>();
  for (const upstream of config.upstreams) for (const tag of upstream.rfid) tagOwners.set(tag, upstream.name);
  return { tagOwners, defaultOwner: config.defaultOwner };
}
