// The Home Assistant bridge: reads an override switch and a presence sensor through HA's REST
// API, and sends persistent notifications. Unreachable for longer than stale_after → blocked:
// it never fails open.

import type { Config } from '../config/config.ts';
import type { Logger } from '../log/console-log.ts';
import type { HomeVerdict } from './control.ts';

const REQUEST_TIMEOUT_MS = 5000;

export class HomeAssistantBridge {
  private readonly config: Config['homeAssistant'];
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private lastOkAt: number | null = null;
  private override: string | null = null;
  private presence: string | null = null;
  private failing = false;

  constructor(config: Config['homeAssistant'], logger: Logger) {
    this.config = config;
    this.logger = logger;
  }

  /** Polls now and every poll_interval; resolves after the first poll. */
  async start(): Promise<void> {
    await this.poll();
    this.timer = setInterval(() => void this.poll(), this.config.pollInterval * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  verdict(now = Date.now()): HomeVerdict {
    if (this.lastOkAt === null) return { blocked: true, reason: 'no answer from Home Assistant yet' };
    if (now - this.lastOkAt > this.config.staleAfter * 1000) {
      return { blocked: true, reason: `unreachable since ${new Date(this.lastOkAt).toISOString()} (longer than stale_after)` };
    }
    if (this.config.overrideEntity !== null && this.override === 'on') return { blocked: true, reason: `${this.config.overrideEntity} is on` };
    if (this.config.blockWhenHome && (this.presence === 'home' || this.presence === 'on')) {
      return { blocked: true, reason: `${this.config.presenceSensor} is ${this.presence} (block_when_home)` };
    }
    return { blocked: false, reason: 'Home Assistant allows backend control' };
  }

  /** A persistent notification in Home Assistant; failures are logged, never thrown. */
  notify(title: string, message: string): void {
    if (!this.config.notify) return;
    void this.request('POST', '/api/services/persistent_notification/create', { title, message }).catch((error: Error) =>
      this.logger.warn(`Home Assistant notification failed: ${error.message}`),
    );
  }

  private async poll(): Promise<void> {
    try {
      const override = this.config.overrideEntity === null ? null : await this.state(this.config.overrideEntity);
      const presence = this.config.presenceSensor === null ? null : await this.state(this.config.presenceSensor);
      this.override = override;
      this.presence = presence;
      this.lastOkAt = Date.now();
      if (this.failing) this.logger.info('Home Assistant reachable again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`Home Assistant: ${(error as Error).message}; keeping the last known state for up to ${this.config.staleAfter} s, then blocking backend control`);
      this.failing = true;
    }
  }

  private async state(entity: string): Promise<string> {
    const body = (await this.request('GET', `/api/states/${encodeURIComponent(entity)}`)) as { state?: unknown };
    if (typeof body.state !== 'string') throw new Error(`${entity} has no state`);
    return body.state.toLowerCase();
  }

  private async request(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.config.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.config.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
    return response.json();
  }
}
