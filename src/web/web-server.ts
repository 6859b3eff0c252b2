// The web monitor and API (`[web]`): live message view, overview, sessions page, JSON API,
// Server-Sent Events, Prometheus metrics and commands. It only listens to the message log's event
// stream and reads the live sessions; nothing in the proxying path waits on it.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import type { Config } from '../config/config.ts';
import type { Logger } from '../log/console-log.ts';
import type { MessageLog, MessageLogEntry } from '../log/message-log.ts';
import type { ProxyServer } from '../listener/proxy-server.ts';
import type { Store } from '../store/store.ts';
import { sessionsCsv } from '../store/sessions-format.ts';
import { PAGES, type Page } from './pages.ts';
import { capFromBody } from './homeowner-cap.ts';
import { commandFrames, commandOf, jsonObject, overrideOf, readBody } from './command-api.ts';
import { MonitorState } from './monitor-state.ts';
import { runningSeries, sessionRows, sessionSeries, type Answer } from './session-api.ts';
import { EventApi } from './event-api.ts';
import { saveOverride } from '../sharing/sharing.ts';
import type { Override } from '../sharing/control.ts';
import { configWarnings, isLoopbackHost } from '../config/warnings.ts';
import { decodeSegment, fromIngress, hostRefusal, ingressPath, requestUrl, sameOrigin } from './request-guard.ts';
import { ProxyError, httpStatusOf } from '../errors.ts';

/** SSE clients that fall this far behind are dropped rather than buffered. */
const MAX_CLIENT_BACKLOG = 1024 * 1024;
/** Names of refused Host headers already logged: the console says it once per name, not per request. */
const MAX_HOST_WARNINGS = 100;

/** Why a request is not answered by its route: status and the JSON error. */
interface Refusal {
  status: number;
  error: string;
  headers?: Record<string, string>;
}

export class WebServer {
  private readonly config: Config;
  private readonly proxy: ProxyServer;
  private readonly store: Store | null;
  private readonly messageLog: MessageLog;
  private readonly logger: Logger;
  private readonly http: Server;
  private readonly recent: MessageLogEntry[] = [];
  private readonly state: MonitorState;
  private readonly unsubscribeRefusals: () => void;
  private readonly clients = new Set<ServerResponse>();
  private readonly unsubscribe: () => void;
  private readonly expectedAuth: Buffer | null;
  /** Commands are refused on a non-loopback address without a password. */
  private readonly commandsAllowed: boolean;
  private statusTimer: NodeJS.Timeout | null = null;
  private linkWatch: NodeJS.Timeout | null = null;
  private readonly eventApi: EventApi;
  /** What the configuration may do unnoticed; fixed for the process's life. */
  private readonly warnings: string[];
  private readonly warnedHosts = new Set<string>();
  /** What every request passes before its route, in order; the first refusal answers it. */
  private readonly passes: Array<(request: IncomingMessage, ingress: boolean) => Refusal | null> = [
    (request, ingress) => (ingress ? null : this.hostCheck(request)),
    (request, ingress) =>
      ingress || this.authorized(request)
        ? null
        : { status: 401, error: 'authentication required', headers: { 'WWW-Authenticate': 'Basic realm="ocpp-proxy", charset="UTF-8"' } },
  ];

  constructor(config: Config, proxy: ProxyServer, messageLog: MessageLog, store: Store | null, logger: Logger) {
    this.config = config;
    this.proxy = proxy;
    this.store = store;
    this.messageLog = messageLog;
    this.logger = logger;
    const { username, password, host } = config.web;
    this.expectedAuth = username !== null && password !== null ? Buffer.from(`Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`) : null;
    this.commandsAllowed = isLoopbackHost(host) || this.expectedAuth !== null;
    this.warnings = configWarnings(config);
    this.state = new MonitorState(config, proxy, store, logger, this.warnings);
    this.unsubscribe = messageLog.subscribe((entry) => this.onEntry(entry));
    this.unsubscribeRefusals = proxy.refusals.subscribe((refusal) => {
      if (this.clients.size === 0) return;
      this.broadcast('refusal', JSON.stringify(refusal));
      this.scheduleStatus();
    });
    this.http = createServer((request, response) => this.handle(request, response));
    this.eventApi = new EventApi(config, proxy, logger);
    this.http.on('upgrade', (request, socket, head) => this.eventApi.handleUpgrade(request, socket, head));
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.config.web.port, this.config.web.host, () => {
        this.http.off('error', reject);
        const port = (this.http.address() as AddressInfo).port;
        this.logger.info(`web monitor on http://${this.config.web.host}:${port}/ (overview /status, sessions /sessions, metrics /metrics)`);
        if (!this.commandsAllowed) {
          const ingress = this.config.web.ingressFrom.length === 0 ? '' : ` (except through ingress from ${this.config.web.ingressFrom.join(', ')})`;
          this.logger.warn(`web monitor on ${this.config.web.host} has no password: pages are read-only, commands answer 403${ingress}; set [web] username and password`);
        }
        resolve(port);
      });
    });
  }

  async close(): Promise<void> {
    this.unsubscribe();
    this.unsubscribeRefusals();
    this.state.close();
    this.eventApi.close();
    if (this.statusTimer !== null) clearTimeout(this.statusTimer);
    if (this.linkWatch !== null) clearInterval(this.linkWatch);
    for (const client of this.clients) client.end();
    this.clients.clear();
    const closed = new Promise<void>((resolve) => this.http.close(() => resolve()));
    this.http.closeAllConnections();
    await closed;
  }

  private onEntry(entry: MessageLogEntry): void {
    this.recent.push(entry);
    if (this.recent.length > this.config.web.buffer) this.recent.shift();
    const changed = this.state.observe(entry);
    if (this.clients.size === 0) return;
    this.broadcast('message', JSON.stringify(entry));
    if (changed || entry.to === 'charger' || entry.from === 'charger') this.scheduleStatus();
  }

  /** Dashboard updates are coalesced: at most a few per second whatever the traffic. */
  private scheduleStatus(): void {
    if (this.statusTimer !== null) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null;
      this.broadcast('status', JSON.stringify(this.statusJson()));
    }, 200);
    this.statusTimer.unref();
  }

  private broadcast(event: string, data: string): void {
    const chunk = `event: ${event}\ndata: ${data}\n\n`;
    for (const client of this.clients) {
      if (client.writableLength > MAX_CLIENT_BACKLOG) {
        client.destroy(); // a slow browser never holds the proxy back
        this.clients.delete(client);
        continue;
      }
      client.write(chunk);
    }
  }

  private statusJson() {
    return this.state.status();
  }

  // ---- HTTP ------------------------------------------------------------------------------------

  private handle(request: IncomingMessage, response: ServerResponse): void {
    try {
      this.route(request, response)?.catch((error: unknown) => this.failed(request, response, error));
    } catch (error) {
      this.failed(request, response, error);
    }
  }

  /** A bug in one route answers that request (500), never leaves its socket hanging or stops the proxy. */
  private failed(request: IncomingMessage, response: ServerResponse, error: unknown): void {
    this.logger.error(`web: ${request.method} ${JSON.stringify(request.url)} failed: ${(error as Error).message}`);
    if (!response.headersSent) this.json(response, 500, { error: 'internal error' });
    else response.destroy();
  }

  private route(request: IncomingMessage, response: ServerResponse): Promise<void> | void {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'no-store');
    const url = requestUrl(request.url);
    if (url === null) return this.json(response, 400, { error: 'malformed request URL' });
    if (url.pathname === '/healthz' && request.method === 'GET') return this.healthz(response);
    const ingress = fromIngress(request, this.config.web.ingressFrom);
    for (const pass of this.passes) {
      const refusal = pass(request, ingress);
      if (refusal !== null) return this.json(response, refusal.status, { error: refusal.error }, refusal.headers);
    }
    if (url.pathname === '/api/override' && (request.method === 'POST' || request.method === 'DELETE')) {
      return this.override(request, response, ingress);
    }
    const chargerPath = /^\/api\/chargers\/([^/]+)\/(call|series)$/.exec(url.pathname);
    if (chargerPath !== null) {
      const chargerId = decodeSegment(chargerPath[1]!);
      if (chargerId === null) return this.json(response, 400, { error: 'the charger id in the URL is not valid percent-encoding' });
      if (chargerPath[2] === 'call') {
        if (request.method !== 'POST') return this.json(response, 405, { error: 'use POST' });
        return this.command(chargerId, request, response, ingress);
      }
      if (request.method !== 'GET') return this.json(response, 405, { error: 'use GET' });
      return this.answer(response, runningSeries(chargerId, this.state));
    }
    if (request.method !== 'GET') return this.json(response, 405, { error: 'method not allowed' });
    const seriesPath = /^\/api\/sessions\/(\d{1,15})\/series$/.exec(url.pathname);
    if (seriesPath !== null) return void sessionSeries(this.store, Number(seriesPath[1]), this.state).then((answer) => this.answer(response, answer));
    switch (url.pathname) {
      case '/':
        return this.page(response, PAGES.monitor);
      case '/status':
        return this.page(response, PAGES.overview);
      case '/sessions':
        return this.page(response, PAGES.sessions);
      case '/status/':
      case '/sessions/': {
        // The pages' relative URLs need each page beside the monitor (.../status): send the browser there.
        const name = url.pathname.slice(1, -1);
        response.writeHead(308, { Location: ingressPath(request) === '' ? `../${name}` : `${ingressPath(request)}/${name}` });
        response.end();
        return;
      }
      case '/api/chargers':
        return this.json(response, 200, { chargers: this.state.directory.list(), refusals: this.proxy.refusals.recent() });
      case '/api/status':
        return this.json(response, 200, this.statusJson());
      case '/api/messages': {
        const limit = Math.max(1, Math.min(this.config.web.buffer, Number(url.searchParams.get('limit') ?? this.config.web.buffer) || this.config.web.buffer));
        const charger = url.searchParams.get('charger');
        const entries = charger === null ? this.recent : this.recent.filter((e) => e.charger === charger);
        return this.json(response, 200, entries.slice(-limit));
      }
      case '/api/live':
        return this.events(response);
      case '/api/sessions':
        return void this.sessions(url, response, 'json');
      case '/sessions.csv':
        return void this.sessions(url, response, 'csv');
      case '/metrics':
        response.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
        response.end(this.state.metrics.render(this.proxy.sessions.values(), this.store?.outbox ?? null, this.store?.shared?.stats() ?? null));
        return;
      default:
        return this.json(response, 404, { error: 'not found' });
    }
  }

  /** DNS rebinding: answer only requests addressed to a name of this server. */
  private hostCheck(request: IncomingMessage): Refusal | null {
    const allowed = this.config.web.allowedHosts;
    const why = hostRefusal(request.headers.host, this.config.web.host, allowed);
    if (why === null) return null;
    const host = request.headers.host ?? '';
    if (!this.warnedHosts.has(host) && this.warnedHosts.size < MAX_HOST_WARNINGS) {
      this.warnedHosts.add(host);
      this.logger.warn(`web: request refused: ${why}`);
    }
    return { status: 403, error: why };
  }

  private authorized(request: IncomingMessage): boolean {
    if (this.expectedAuth === null) return true;
    const given = Buffer.from(request.headers.authorization ?? '');
    return given.length === this.expectedAuth.length && timingSafeEqual(given, this.expectedAuth);
  }

  /** 200 when every charger's primary link is up (or none is connected), else 503 with the reason. */
  private healthz(response: ServerResponse): void {
    const reasons: string[] = [];
    const down = [...this.proxy.sessions.values()].filter((s) => s.connectedSince !== null && !s.isEnded && !s.primary.isOpen).map((s) => s.chargerId);
    if (down.length > 0) reasons.push(`primary link down for ${down.join(', ')}`);
    // A shared database that is away is every instance's problem: taking this one out of the
    // balancer would help nothing, so it is said but keeps the answer 200 (writes are retried).
    const shared = this.store?.shared ?? null;
    const storeProblem = this.store?.writeProblem() ?? null;
    if (storeProblem !== null && shared === null) reasons.push(`the state database cannot be written: ${storeProblem}`);
    if (!this.messageLog.writable) reasons.push(`the message log ${this.messageLog.path} cannot be written (retried every few seconds)`);
    const sharedState = shared === null ? {} : { instance: shared.instance, store: storeProblem === null ? 'ok' : `writes kept and retried: ${storeProblem}` };
    if (reasons.length === 0) this.json(response, 200, { status: 'ok', chargers: this.proxy.sessions.size, ...sharedState });
    else this.json(response, 503, { status: 'degraded', reason: reasons.join('; ') });
  }

  private events(response: ServerResponse): void {
    const cap = this.config.web.liveClients;
    if (this.clients.size >= cap) {
      return this.json(response, 503, { error: `too many live views open (${cap}); close one, or raise [web] live_clients` }, { 'Retry-After': '10' });
    }
    // X-Accel-Buffering: reverse proxies (nginx, Home Assistant ingress) pass each event at once.
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    response.write(`event: status\ndata: ${JSON.stringify(this.statusJson())}\n\n`);
    this.clients.add(response);
    response.on('close', () => {
      this.clients.delete(response);
      if (this.clients.size === 0 && this.linkWatch !== null) {
        clearInterval(this.linkWatch);
        this.linkWatch = null;
      }
    });
    // Link states change without frames (an upstream reconnecting): look once a second while anyone watches.
    if (this.linkWatch === null) {
      let last = '';
      this.linkWatch = setInterval(() => {
        const links = [...this.proxy.sessions.values()].map((s) => s.links.map((l) => l.state).join()).join('|');
        if (links !== last) this.scheduleStatus();
        last = links;
      }, 1000);
      this.linkWatch.unref();
    }
  }

  private async sessions(url: URL, response: ServerResponse, format: 'json' | 'csv'): Promise<void> {
    const rows = await sessionRows(this.store, url, this.state);
    if (!Array.isArray(rows)) return this.answer(response, rows);
    if (format === 'json') return this.json(response, 200, { sessions: rows });
    response.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="sessions.csv"' });
    response.end(sessionsCsv(rows));
  }

  /**
   * Refuses a state-changing request unless it may change things (loopback, a password, or
   * Home Assistant ingress), is JSON where it has a body, and comes from this server's own page.
   */
  private refuseChange(request: IncomingMessage, response: ServerResponse, needsBody: boolean, ingress: boolean): boolean {
    if (!this.commandsAllowed && !ingress) {
      this.json(response, 403, { error: 'commands need [web] username and password on a non-loopback address' });
      return true;
    }
    if (needsBody && !(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      this.json(response, 415, { error: 'Content-Type must be application/json' });
      return true;
    }
    if (!sameOrigin(request)) {
      this.json(response, 403, { error: 'cross-origin request refused (Origin must be this server)' });
      return true;
    }
    return false;
  }

  /** The homeowner's say: POST {mode: block|allow|give} (DELETE clears it) or {mode: limit|none} (the cap). Persisted. */
  private async override(request: IncomingMessage, response: ServerResponse, ingress: boolean): Promise<void> {
    if (this.refuseChange(request, response, request.method === 'POST', ingress)) return;
    let override: Override | null = null;
    if (request.method === 'POST') {
      const body = jsonObject(await readBody(request));
      if (typeof body === 'string') return this.json(response, 400, { error: body });
      if (body.mode === 'limit' || body.mode === 'none') return this.homeownerCap(body, response);
      const parsed = overrideOf(body, this.config.upstreams.map((u) => u.name).concat(this.config.backends.map((b) => b.name)));
      if (typeof parsed === 'string') return this.json(response, 400, { error: parsed });
      override = parsed;
    }
    this.proxy.control.setOverride(override);
    try {
      saveOverride(this.store, override);
    } catch (error) {
      this.logger.error(`override not saved: ${(error as Error).message}`);
    }
    this.logger.info(override === null ? 'homeowner override cleared' : `homeowner override: ${override.mode}${override.to === undefined ? '' : ` to ${override.to}`}`);
    this.scheduleStatus();
    this.json(response, 200, { override });
  }

  /** The homeowner's cap: `limit` with amps or watts, `none` removes it; sent to the chargers in the background. */
  private homeownerCap(body: Record<string, unknown>, response: ServerResponse): void {
    const cap = capFromBody(body);
    if (typeof cap === 'string') return this.json(response, 400, { error: cap });
    this.logger.info(cap === null ? 'homeowner cap removed' : `homeowner cap: ${cap.limit} ${cap.unit}`);
    this.state.cap.set(cap).then(
      () => this.scheduleStatus(),
      (error: unknown) => this.logger.error(`homeowner cap not saved: ${(error as Error).message}`),
    );
    this.scheduleStatus();
    this.json(response, 200, { homeowner_cap: cap });
  }

  private async command(chargerId: string, request: IncomingMessage, response: ServerResponse, ingress: boolean): Promise<void> {
    if (this.refuseChange(request, response, true, ingress)) return;
    const body = jsonObject(await readBody(request));
    const command = typeof body === 'string' ? body : commandOf(body);
    if (typeof command === 'string') return this.json(response, 400, { error: command });
    const session = this.proxy.sessions.get(chargerId);
    if (session === undefined || session.isEnded) return this.json(response, 404, { error: `charger ${chargerId} is not connected` });
    this.logger.info(`web: ${command.action} sent to ${chargerId}`);
    try {
      const answer = await session.proxyCall(command.action, command.payload);
      this.messageLog.flush(); // the answer's own lines, still queued in this turn
      this.json(response, 200, { result: answer.type, payload: answer.payload, ...commandFrames(this.recent, chargerId, command.action) });
    } catch (error) {
      // Not connected (any more) → 404, no answer in time → 504, too many waiting → 429.
      const code = error instanceof ProxyError ? error.code : undefined;
      this.json(response, httpStatusOf(error), { error: (error as Error).message, ...(code === undefined ? {} : { code }) });
    }
  }

  private page(response: ServerResponse, page: Page): void {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': page.csp });
    response.end(page.html);
  }

  private answer(response: ServerResponse, answer: Answer): void {
    this.json(response, answer.status, answer.body);
  }

  private json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    response.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  }
}
