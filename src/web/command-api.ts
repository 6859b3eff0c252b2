// The bodies of the state-changing requests, as pure functions: a command for a charger
// (`POST /api/chargers/ID/call`), the homeowner's override (`POST /api/override`), and the raw
// frames of a command just answered, for the page's "raw frames". Who may send them is checked
// by the web server before any of this runs.

import type { IncomingMessage } from 'node:http';
import type { MessageLogEntry } from '../log/message-log.ts';
import type { Override } from '../sharing/control.ts';

const MAX_BODY = 64 * 1024;

export interface Command {
  action: string;
  payload: Record<string, unknown>;
}

/** The request's body as text; rejects past 64 KiB. */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** A JSON object from a body, or a sentence saying why it is not one. */
export function jsonObject(text: string): Record<string, unknown> | string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return `body is not JSON: ${(error as Error).message}`;
  }
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : 'body must be a JSON object';
}

/** `{"action": "Name", "payload": {…}}`, or why not. */
export function commandOf(body: Record<string, unknown>): Command | string {
  const { action, payload } = body;
  if (typeof action !== 'string' || !/^[A-Za-z0-9]+$/.test(action) || typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return 'expected {"action": "Name", "payload": {…}}';
  }
  return { action, payload: payload as Record<string, unknown> };
}

/** The control override of `POST /api/override` (block, allow, give), or why not. */
export function overrideOf(body: Record<string, unknown>, names: readonly string[], now = new Date()): Override | string {
  const { mode, to } = body;
  if (mode !== 'block' && mode !== 'allow' && mode !== 'give') return 'mode must be block, allow, give, limit or none';
  if (mode === 'give' && (typeof to !== 'string' || !names.includes(to))) return `give needs "to": one of ${names.join(', ')}`;
  return { mode, since: now.toISOString(), ...(mode === 'give' ? { to: to as string } : {}) };
}

/** The frames of the command just answered, as logged (so redacted), and a CallError's code. */
export function commandFrames(recent: readonly MessageLogEntry[], chargerId: string, action: string): { frames?: { sent: string | null; answer: string }; error_code?: string } {
  const answer = recent.findLast((e) => e.charger === chargerId && e.from === 'charger' && e.to === 'proxy' && e.action === action && e.tags.includes('injected'));
  if (answer === undefined) return {};
  const sent = recent.findLast((e) => e.charger === chargerId && e.to === 'charger' && e.type === 'CALL' && e.id === answer.id);
  let code: unknown;
  if (answer.type === 'CALLERROR') {
    try {
      code = (JSON.parse(answer.raw) as unknown[])[2];
    } catch {
      // the code stays unknown
    }
  }
  return { frames: { sent: sent?.raw ?? null, answer: answer.raw }, ...(typeof code === 'string' ? { error_code: code } : {}) };
}
