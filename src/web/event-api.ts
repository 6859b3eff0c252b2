// The event API for non-OCPP backends: WebSocket `/api/events?id=NAME` with the backend's token
// (`Authorization: Bearer TOKEN` or `&token=`). Charger events are pushed as JSON; control
// requests go through the same arbitration as OCPP upstreams' control calls.

import { timingSafeEqual, randomInt } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Config } from '../config/config.ts';
import type { Logger } from '../log/console-log.ts';
import type { ProxyServer } from '../listener/proxy-server.ts';
import type { ChargerSession } from '../session/charger-session.ts';
import { abortHandshake } from '../listener/handshake.ts';
import { ProxyError } from '../errors.ts';

interface ControlRequest {
  id?: unknown;
  action?: unknown;
  charger?: unknown;
  connector?: unknown;
  idTag?: unknown;
  transactionId?: unknown;
  limit?: unknown;
  unit?: unknown;
}

export class EventApi {
  private readonly backends: Config['backends'];
  private readonly proxy: ProxyServer;
  private readonly logger: Logger;
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });
  private readonly sockets = new Set<WebSocket>();

  constructor(config: Config, proxy: ProxyServer, logger: Logger) {
    this.backends = config.backends;
    this.proxy = proxy;
    this.logger = logger;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api/events') return abortHandshake(socket, 404);
    const name = url.searchParams.get('id');
    const backend = this.backends.find((b) => b.name === name);
    const header = request.headers.authorization ?? '';
    const token = header.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : (url.searchParams.get('token') ?? '');
    if (backend === undefined || !sameText(token, backend.token)) {
      this.logger.warn(`event API: refused ${name === null ? 'a connection without id' : `backend '${name}'`} (unknown or bad token)`);
      return abortHandshake(socket, 401, { 'WWW-Authenticate': 'Bearer realm="ocpp-proxy"' });
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.attach(ws, backend.name));
  }

  close(): void {
    for (const ws of this.sockets) ws.close(1001, 'proxy shutting down');
  }

  private attach(ws: WebSocket, backend: string): void {
    this.sockets.add(ws);
    this.logger.info(`event API: backend ${backend} connected`);
    const unsubscribe = this.proxy.events.subscribe((event) => {
      if (ws.readyState === ws.OPEN && ws.bufferedAmount < 1024 * 1024) ws.send(JSON.stringify(event));
    });
    ws.on('message', (data, isBinary) => void this.request(ws, backend, isBinary ? null : data.toString()));
    ws.on('close', () => {
      unsubscribe();
      this.sockets.delete(ws);
      this.logger.info(`event API: backend ${backend} disconnected`);
    });
    ws.on('error', () => ws.terminate());
  }

  /** One control request; every outcome is answered, a bad one never closes the connection. */
  private async request(ws: WebSocket, backend: string, text: string | null): Promise<void> {
    const reply = (body: Record<string, unknown>) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(body));
    };
    let request: ControlRequest;
    try {
      if (text === null) throw new Error('binary frames are not supported');
      request = JSON.parse(text) as ControlRequest;
      if (typeof request !== 'object' || request === null || Array.isArray(request)) throw new Error('a request is a JSON object');
    } catch (error) {
      reply({ error: `bad request: ${(error as Error).message}` });
      return;
    }
    const id = request.id ?? null;
    const session = this.sessionFor(request.charger);
    if (typeof session === 'string') return reply({ id, result: 'error', reason: session });
    const call = this.callFor(session, request);
    if (typeof call === 'string') return reply({ id, result: 'error', reason: call });
    const decision = this.proxy.control.decide(session.chargerId, backend, call.action);
    if (!decision.allowed) return reply({ id, result: 'rejected', reason: decision.reason });
    this.logger.info(`event API: ${backend} → ${session.chargerId} ${call.action}`);
    try {
      const answer = await session.proxyCall(call.action, call.payload);
      const status = typeof answer.payload?.status === 'string' ? answer.payload.status : null;
      reply({ id, result: answer.type === 'CALLRESULT' && status !== 'Rejected' ? 'accepted' : 'rejected', reason: decision.reason, answer: answer.payload });
    } catch (error) {
      reply({ id, result: 'error', reason: (error as Error).message, ...(error instanceof ProxyError ? { code: error.code } : {}) });
    }
  }

  private sessionFor(charger: unknown): ChargerSession | string {
    const sessions = [...this.proxy.sessions.values()].filter((s) => !s.isEnded && s.connectedSince !== null);
    if (charger === undefined) return sessions.length === 1 ? sessions[0]! : 'name the charger ("charger": "ID")';
    const session = sessions.find((s) => s.chargerId === charger);
    return session ?? `charger ${String(charger)} is not connected`;
  }

  /** The OCPP Call for a request, in the charger's version. */
  private callFor(session: ChargerSession, r: ControlRequest): { action: string; payload: Record<string, unknown> } | string {
    const v16 = session.protocol === 'ocpp1.6';
    const connector = typeof r.connector === 'number' && Number.isInteger(r.connector) ? r.connector : 1;
    switch (r.action) {
      case 'start': {
        const idTag = typeof r.idTag === 'string' && r.idTag !== '' ? r.idTag : null;
        if (idTag === null) return '"start" needs an idTag';
        return v16
          ? { action: 'RemoteStartTransaction', payload: { connectorId: connector, idTag } }
          : { action: 'RequestStartTransaction', payload: { evseId: connector, remoteStartId: randomInt(1, 2 ** 31 - 1), idToken: { idToken: idTag, type: 'Central' } } };
      }
      case 'stop': {
        if (typeof r.transactionId !== 'string' && typeof r.transactionId !== 'number') return '"stop" needs a transactionId';
        return v16
          ? { action: 'RemoteStopTransaction', payload: { transactionId: Number(r.transactionId) } }
          : { action: 'RequestStopTransaction', payload: { transactionId: String(r.transactionId) } };
      }
      case 'set_limit': {
        if (typeof r.limit !== 'number' || !(r.limit >= 0)) return '"set_limit" needs a limit (a number >= 0)';
        if (r.unit !== 'A' && r.unit !== 'W') return '"set_limit" needs unit "A" or "W"';
        const schedule = { chargingRateUnit: r.unit, chargingSchedulePeriod: [{ startPeriod: 0, limit: r.limit }] };
        return v16
          ? { action: 'SetChargingProfile', payload: { connectorId: connector, csChargingProfiles: { chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Relative', chargingSchedule: schedule } } }
          : { action: 'SetChargingProfile', payload: { evseId: connector, chargingProfile: { id: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Relative', chargingSchedule: [{ id: 1, ...schedule }] } } };
      }
      default:
        return 'action must be "start", "stop" or "set_limit"';
    }
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
