// `[host] outbox_alert`: an upstream whose oldest waiting transaction Call is older than that has
// not received transactions for too long. The overview shows it (web/monitor-state.ts); this
// watch says it once per episode in the console log and, when configured, in Home Assistant.

import type { Logger } from '../log/console-log.ts';
import type { Outbox, OutboxAge } from '../store/outbox.ts';
import type { HomeAssistantBridge } from './home-assistant.ts';

/** How often the watch looks at most; a short alert threshold makes it look more often. */
const LONGEST_CHECK_MS = 60_000;

/** The upstreams past the threshold, each with the sentence the overview, the log and Home Assistant show. */
export function outboxAlerts(ages: OutboxAge[], alertSeconds: number): Array<{ upstream: string; message: string }> {
  return ages
    .filter((a) => a.oldestSeconds > alertSeconds)
    .map((a) => ({ upstream: a.upstream, message: `upstream ${a.upstream} has not received transactions for ${describeAge(a.oldestSeconds)} (${a.entries} waiting in its outbox)` }));
}

export class OutboxWatch {
  private readonly outbox: Outbox;
  private readonly alertSeconds: number;
  private readonly home: HomeAssistantBridge | null;
  private readonly logger: Logger;
  private readonly alerting = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(outbox: Outbox, alertSeconds: number, home: HomeAssistantBridge | null, logger: Logger) {
    this.outbox = outbox;
    this.alertSeconds = alertSeconds;
    this.home = home;
    this.logger = logger;
  }

  start(): void {
    const every = Math.min(LONGEST_CHECK_MS, Math.max(1000, this.alertSeconds * 1000));
    this.timer = setInterval(() => this.check(Date.now()), every);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Says each upstream that crossed the threshold since the last look, and each that is back under it. */
  check(now: number): void {
    let alerts: Array<{ upstream: string; message: string }>;
    try {
      alerts = outboxAlerts(this.outbox.ages(now), this.alertSeconds);
    } catch (error) {
      this.logger.error(`state database, outbox: ${(error as Error).message}`);
      return;
    }
    const current = new Set<string>();
    for (const { upstream, message } of alerts) {
      current.add(upstream);
      if (this.alerting.has(upstream)) continue;
      this.alerting.add(upstream);
      this.logger.warn(`${message} ([host] outbox_alert = ${this.alertSeconds} s)`);
      this.home?.notify(`Upstream ${upstream} is missing transactions`, `${message}. They are sent as soon as it is reachable again.`);
    }
    for (const upstream of this.alerting) {
      if (current.has(upstream)) continue;
      this.alerting.delete(upstream);
      this.logger.info(`upstream ${upstream} has taken its waiting transactions (outbox under outbox_alert again)`);
    }
  }
}

/** "40 s", "3 h 20 min", "2 days 4 h": how long an outbox entry waits. */
function describeAge(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days} day${days === 1 ? '' : 's'} ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min`;
  return `${seconds} s`;
}
