// Who may ask the web server what: the checks every request passes before a route sees it, as
// pure functions over the request. Order and answers live in web-server.ts.
//
// - Requests from `[web] ingress_from` (Home Assistant's Supervisor) were authenticated before
//   they reached us: no password, no Host check; they still need a same-origin Origin to change
//   anything.
// - DNS rebinding: a page on a name the attacker controls may resolve to us and so become
//   "same-origin" with the monitor; only Host names that really name this machine are answered.
// - Commands (POST/DELETE) need an Origin equal to the server's own, as the browser saw it (which
//   behind a reverse proxy is X-Forwarded-Proto/X-Forwarded-Host).

import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { hostname } from 'node:os';

/** RFC 3986 origin-form: a path of pchars and valid %XX escapes, then any printable query. */
const REQUEST_TARGET = /^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*(?:\?[\x21-\x7e]*)?$/;

/** The request's path and query, or null when the request target is malformed (`//[`, `/%ZZ`, `*`, a full URL). */
export function requestUrl(raw: string | undefined): URL | null {
  if (raw === undefined || !REQUEST_TARGET.test(raw)) return null;
  // Reverse proxies that join a prefix with '/' send '//x'; 'new URL' would read that as a host.
  const path = raw.replace(/^\/{2,}/, '/');
  try {
    const url = new URL(path, 'http://localhost');
    url.pathname = url.pathname.replace(/\/{2,}/g, '/');
    return url;
  } catch {
    return null;
  }
}

/** A percent-encoded path segment decoded once, or null when it is not valid (`%ZZ`). */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The peer's address, IPv4-mapped IPv6 (`::ffff:172.30.32.2`) written as IPv4. */
export function remoteAddress(request: IncomingMessage): string {
  const address = (request.socket.remoteAddress ?? '').toLowerCase();
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** True when the request comes from an address whose requests were authenticated before (`[web] ingress_from`). */
export function fromIngress(request: IncomingMessage, ingressFrom: readonly string[]): boolean {
  if (ingressFrom.length === 0) return false;
  const address = remoteAddress(request);
  return ingressFrom.some((allowed) => normalAddress(allowed) === address);
}

function normalAddress(address: string): string {
  const lower = address.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}

/** The host name of a Host header value (`name:port`, `[v6]:port`), lower case, no trailing dot. */
export function hostName(host: string): string {
  const value = host.trim().toLowerCase();
  const name = value.startsWith('[') ? value.slice(1, value.indexOf(']') === -1 ? undefined : value.indexOf(']')) : value.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}

/**
 * Null when the Host header names this machine, else why not. Names: `localhost`, the bind
 * address, the machine's name, `[web] allowed_hosts`. An IP address literal is always
 * accepted: a browser sends one only when the user typed that address, and DNS rebinding
 * needs a name the attacker controls.
 */
export function hostRefusal(host: string | undefined, bindHost: string, allowedHosts: readonly string[]): string | null {
  if (host === undefined) return null; // HTTP/1.0 without Host: no browser, nothing to rebind
  const name = hostName(host);
  if (name === '') return 'the Host header is empty';
  if (isIP(name) !== 0) return null;
  const machine = hostname().toLowerCase();
  const names = ['localhost', hostName(bindHost), machine, machine.split('.')[0]!, ...allowedHosts.map(hostName)];
  if (names.includes(name) || name.endsWith('.localhost')) return null;
  const shown = name.length > 80 ? `${name.slice(0, 80)}…` : name;
  return `host '${shown}' is not a name of this server (DNS rebinding protection); open the monitor by its address or add the name to [web] allowed_hosts`;
}

/** The first value of a header that proxies may repeat or join with commas. */
function firstValue(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  const first = text?.split(',')[0]?.trim();
  return first === undefined || first === '' ? null : first;
}

/** The origins this request may come from: this server as the browser addressed it, directly or through a proxy. */
export function ownOrigins(request: IncomingMessage): Set<string> {
  const hosts = [request.headers.host, firstValue(request.headers['x-forwarded-host'])].filter((h): h is string => typeof h === 'string' && h !== '');
  const forwardedProto = firstValue(request.headers['x-forwarded-proto'])?.toLowerCase();
  const protos = ['http', ...(forwardedProto === 'https' || forwardedProto === 'http' ? [forwardedProto] : [])];
  const origins = new Set<string>();
  for (const host of hosts) {
    for (const proto of protos) {
      try {
        origins.add(new URL(`${proto}://${host}`).origin);
      } catch {
        // a Host that is no host names no origin
      }
    }
  }
  return origins;
}

/** True when the request's Origin is this server (the browser's view of it). */
export function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return false;
  let normal: string;
  try {
    normal = new URL(origin).origin;
  } catch {
    return false;
  }
  return ownOrigins(request).has(normal);
}

/** `X-Ingress-Path` (Home Assistant ingress: `/api/hassio_ingress/TOKEN`) when it is a plain path, else ''. */
export function ingressPath(request: IncomingMessage): string {
  const value = firstValue(request.headers['x-ingress-path']);
  // '//host' would make a redirect leave this server.
  if (value === null || value.startsWith('//') || !/^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(value)) return '';
  return value.replace(/\/+$/, '');
}
