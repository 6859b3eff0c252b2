// HTTP-level helpers for the upgrade request that `ws` does not export: the whole request is
// checked here before the proxy does anything with side effects (dialing the primary, replacing a
// charger's session), so a malformed request costs nothing but a 400.

import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** How long a refused socket may take to read its answer before it is destroyed. */
const REFUSAL_FLUSH_MS = 1000;

/** Answers an upgrade request with a plain HTTP error and closes the socket, for sure. */
export function abortHandshake(socket: Duplex, status: number, headers: Record<string, string> = {}, body?: string): void {
  if (socket.destroyed) return;
  const text = body ?? STATUS_CODES[status] ?? 'Error';
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(text)}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${text}`, () => socket.destroy());
  // A peer that never reads would keep the socket half-open forever.
  setTimeout(() => socket.destroy(), REFUSAL_FLUSH_MS).unref();
}

/** RFC 7230 token: what a subprotocol name may consist of. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** RFC 6455 §4.1: base64 of 16 bytes. */
const WEBSOCKET_KEY = /^[+/0-9A-Za-z]{22}==$/;

/**
 * Why this upgrade request is not a valid WebSocket opening handshake (RFC 6455 §4.2.1, as `ws`
 * checks it), or null. A doubled header arrives joined with ", " and fails here.
 */
export function upgradeProblem(request: IncomingMessage): string | null {
  if (request.method !== 'GET') return `method ${request.method ?? '?'} (must be GET)`;
  if ((request.headers.upgrade ?? '').toLowerCase() !== 'websocket') return 'Upgrade header is not websocket';
  const key = request.headers['sec-websocket-key'];
  if (key === undefined || !WEBSOCKET_KEY.test(key)) return 'missing or invalid Sec-WebSocket-Key';
  const version = request.headers['sec-websocket-version'];
  if (version !== '13' && version !== '8') return 'missing or unsupported Sec-WebSocket-Version (13 expected)';
  const protocols = request.headers['sec-websocket-protocol'];
  if (protocols !== undefined) {
    const offered = protocols.split(',').map((token) => token.trim());
    if (offered.some((token) => !TOKEN.test(token))) return 'invalid Sec-WebSocket-Protocol';
    if (new Set(offered).size !== offered.length) return 'Sec-WebSocket-Protocol names a subprotocol twice';
  }
  return null;
}

/** The subprotocols a client offered, in its order (RFC 6455 §4.1: comma-separated tokens). */
export function offeredSubprotocols(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
}
