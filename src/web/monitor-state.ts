// What the pages show, folded in from the message log, the charger events and the refused
// connections: the dashboard readings, metrics and latency, the chargers known, what became of
// each charger's last session, the session meter series, the homeowner's cap. And `/api/status`
// (also the `status` event of `/api/live`) built from it. The web server only routes requests.

import type { Config } from '../config/config.ts';
import type { Logger } from '../log/console-log.ts';
import type { MessageLogEntry } from '../log/message-log.ts';
import type { ProxyServer } from '../listener/proxy-server.ts';
import type { Store } from '../store/store.ts';
import { ChargerDirectory } from './charger-directory.ts';
import { DashboardState } from './dashboard-state.ts';
import { DeliveryTracker } from './delivery.ts';
import { HomeownerCapKeeper } from './homeowner-cap.ts';
import { FLUSH_INTERVAL_MS, MeterSeriesRecorder } from './meter-series.ts';
import { Metrics } from './metrics.ts';
import { outboxAlerts } from '../sharing/outbox-watch.ts';

/** Offline chargers and refusals the status carries (the full lists are at `/api/chargers`). */
const OFFLINE_SHOWN = 50;
const REFUSALS_SHOWN = 20;

export class MonitorState {
  readonly dashboard = new DashboardState();
  readonly metrics = new Metrics();
  readonly delivery = new DeliveryTracker();
  readonly directory: ChargerDirectory;
  readonly series: MeterSeriesRecorder;
  readonly cap: HomeownerCapKeeper;
  private readonly config: Config;
  private readonly proxy: ProxyServer;
  private readonly logger: Logger;
  private readonly warnings: string[];
  private readonly store: Store | null;
  /** Writes the chargers seen to the state store every few seconds. */
  private readonly housekeeping: NodeJS.Timeout;
  private readonly unsubscribeEvents: () => void;

  constructor(config: Config, proxy: ProxyServer, store: Store | null, logger: Logger, warnings: string[]) {
    this.config = config;
    this.proxy = proxy;
    this.logger = logger;
    this.warnings = warnings;
    this.store = store;
    this.directory = new ChargerDirectory(proxy, store, this.dashboard);
    this.series = new MeterSeriesRecorder(store, (charger) => this.dashboard.chargers.get(charger)?.transaction?.id ?? null, logger);
    this.cap = new HomeownerCapKeeper(proxy, store, logger);
    this.housekeeping = setInterval(() => this.flushDirectory(), FLUSH_INTERVAL_MS);
    this.housekeeping.unref();
    this.unsubscribeEvents = proxy.events.subscribe((event) => {
      if (event.event !== 'transaction_stopped') return;
      const energy = typeof event.energy_kwh === 'number' ? event.energy_kwh : null;
      this.delivery.recorded(event.charger, String(event.transactionId), energy, typeof event.revenue === 'number' ? event.revenue : null);
    });
  }

  /** Folds in one message log entry; true when the dashboard's view of the charger changed. */
  observe(entry: MessageLogEntry): boolean {
    this.metrics.observe(entry);
    this.directory.observe(entry);
    this.delivery.observe(entry);
    this.series.observe(entry);
    this.cap.observe(entry);
    return this.dashboard.apply(entry);
  }

  /** The idTag as the pages may show it: its last four characters unless `[web] show_idtags`. */
  maskTag(tag: string | null): string | null {
    if (tag === null || this.config.web.showIdTags) return tag;
    return tag.length <= 4 ? '****' : `${'*'.repeat(tag.length - 4)}${tag.slice(-4)}`;
  }

  /** `/api/status`: the connected chargers in full, plus what the overview shows besides. */
  status() {
    const { proxy, dashboard, metrics, directory, delivery, cap } = this;
    const now = new Date();
    const online = [...proxy.sessions.values()].filter((s) => !s.isEnded && s.connectedSince !== null);
    // Durable outboxes: what each upstream has not received yet; past `[host] outbox_alert`, a warning.
    const ages = this.store?.outbox.ages(now.getTime()) ?? [];
    // Only while some outbox holds anything: which upstreams still wait for a charger's Call.
    const outboxes = ages.length === 0 || this.store === null ? undefined : (charger: string) => (callId: string, at: number) => this.store!.outbox.holding(charger, callId, at);
    const chargers = online.map((session) => {
      const view = dashboard.chargers.get(session.chargerId);
      const transaction = view?.transaction ?? null;
      const status = session.status();
      const summary = directory.summary(session.chargerId, now);
      return {
        ...status,
        upstreams: status.upstreams.map((u) => ({ ...u, latency_ms: metrics.latencyMs(session.chargerId, u.name) })),
        online: true,
        last_seen: now.toISOString(),
        vendor: view?.vendor ?? null,
        model: view?.model ?? null,
        firmware: view?.firmware ?? null,
        connectors: view?.connectors ?? {},
        transaction: transaction === null ? null : { ...transaction, idTag: this.maskTag(transaction.idTag), owner: transaction.id === null ? null : (session.transactionOwner(transaction.id) ?? null) },
        readings: view?.readings ?? {},
        readings_at: view?.readingsAt ?? null,
        limit: view?.limit ?? null,
        limits: view?.limits ?? {},
        control: proxy.control.describe(session.chargerId),
        last_session: delivery.describe(session.chargerId, status.upstreams, outboxes?.(session.chargerId)),
        refused_attempts: summary?.refused_attempts ?? 0,
        last_refusal: summary?.last_refusal ?? null,
        cap_result: cap.result(session.chargerId),
      };
    });
    const offline = directory
      .list({ refusedOnly: false })
      .filter((c) => !c.online)
      .slice(0, OFFLINE_SHOWN)
      .map((c) => ({ ...c, connectors: dashboard.chargers.get(c.id)?.connectors ?? {}, last_session: delivery.describe(c.id, null, outboxes?.(c.id)) }));
    const onlineIds = new Set(online.map((s) => s.chargerId));
    const outbox = ages.map((a) => ({ upstream: a.upstream, entries: a.entries, oldest_seconds: a.oldestSeconds }));
    const outboxWarnings = outboxAlerts(ages, this.config.outbox.alertSeconds).map((a) => a.message);
    const refusals = proxy.refusals.recent().slice(-REFUSALS_SHOWN).reverse().map((r) => ({ ...r, online: r.charger !== null && onlineIds.has(r.charger) }));
    return {
      chargers,
      offline,
      refusals,
      override: proxy.control.override,
      homeowner_cap: cap.cap,
      sharing: proxy.control.enabled,
      backends: this.config.upstreams.map((u) => u.name).concat(this.config.backends.map((b) => b.name)),
      outbox,
      warnings: [...this.warnings, ...outboxWarnings],
    };
  }

  close(): void {
    this.unsubscribeEvents();
    clearInterval(this.housekeeping);
    this.flushDirectory();
    this.series.close();
    this.metrics.health.close();
  }

  private flushDirectory(): void {
    try {
      this.directory.flush();
    } catch (error) {
      this.logger.error(`web: chargers seen not written: ${(error as Error).message}`);
    }
  }
}
