// WebSocket close codes that may be mirrored from one link to another.
// 1005 (no status), 1006 (abnormal) and 1015 (TLS failure) are reported locally, never sent (RFC 6455 §7.4.1).

import type { WebSocket } from 'ws';

export function isSendableCloseCode(code: number): boolean {
  return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}

/**
 * The code to send on the other link when a link closed with `received`.
 * `lost` is what an abnormal end (1006) becomes: 1001 toward upstreams (the charger went away),
 * 1011 toward the charger (its backend failed).
 */
export function mirrorCloseCode(received: number, lost: 1001 | 1011): number {
  if (received === 1005) return 1000;
  if (received === 1006) return lost;
  if (received === 1015) return 1011;
  return isSendableCloseCode(received) ? received : lost;
}

/** Starts the closing handshake and makes sure the socket is gone after `graceMs`, answer or not. */
export function closeWithin(ws: WebSocket, code: number, reason: string, graceMs: number): void {
  if (ws.readyState === ws.CLOSED) return;
  if (ws.readyState === ws.CONNECTING) {
    ws.terminate();
    return;
  }
  if (ws.readyState === ws.OPEN) ws.close(code, Buffer.from(reason).subarray(0, 123).toString());
  const timer = setTimeout(() => ws.terminate(), graceMs);
  timer.unref();
  ws.once('close', () => clearTimeout(timer));
}
