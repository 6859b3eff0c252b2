// HTTP-level helpers for the upgrade request that `ws` does not export.

import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** Answers an upgrade request with a plain HTTP error and closes the socket. */
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
  socket.end(`${lines.join('\r\n')}\r\n\r\n${text}`);
}

/** The subprotocols a client offered, in its order (RFC 6455 §4.1: comma-separated tokens). */
export function offeredSubprotocols(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
}
