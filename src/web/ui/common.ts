// What every page shares: the head (favicon, viewport), the header with the navigation, and the
// browser-side helpers. Peer-supplied strings only ever become text nodes (el() appends strings
// as text), never HTML. All URLs are relative: the pages sit side by side under any prefix.

const FAVICON_SVG =
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='8' fill='#1a66d6'/>" +
  "<path d='M18.5 4 8 18h7l-2.5 10L23 14h-7z' fill='#fff'/></svg>";
const FAVICON = `data:image/svg+xml,${encodeURIComponent(FAVICON_SVG)}`;
const LOGO = FAVICON_SVG.replace('<svg ', '<svg width="22" height="22" aria-hidden="true" ');

export type PageName = 'monitor' | 'overview' | 'sessions';

const NAV: Array<[PageName, string, string]> = [
  ['overview', 'status', 'Overview'],
  ['sessions', 'sessions', 'Sessions'],
  ['monitor', './', 'Live messages'],
];

export function head(title: string, style: string): string {
  return `<meta charset="utf-8"><title>${title} · ocpp-proxy</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">
<link rel="icon" href="${FAVICON}"><style>${style}</style>`;
}

export function header(current: PageName): string {
  const links = NAV.map(([name, href, label]) => `<a href="${href}"${name === current ? ' aria-current="page"' : ''}>${label}</a>`).join('');
  return `<header class="top"><span class="brand">${LOGO}ocpp-proxy</span>
<nav>${links}</nav><span class="conn" id="conn"></span></header>
<div id="warnings" class="warnings" role="alert" hidden></div>`;
}

export const COMMON_SCRIPT = `
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value; else if (key.startsWith('on')) node.addEventListener(key.slice(2), value); else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    return node;
  }
  const SVG_NS = 'http://www.w3.org/2000/svg';
  function svgEl(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) if (value !== undefined && value !== null) node.setAttribute(key, String(value));
    for (const child of children) if (child !== null && child !== undefined) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    return node;
  }
  /** The configuration warnings of /api/status as a banner (hidden while there are none). */
  function showWarnings(warnings) {
    const banner = document.getElementById('warnings');
    const list = Array.isArray(warnings) ? warnings : [];
    banner.replaceChildren(...list.map((text) => el('div', {}, String(text))));
    banner.hidden = list.length === 0;
  }
  function setConn(live) { document.getElementById('conn').textContent = live ? '● live' : '○ reconnecting'; }

  // ---- local time, always with its zone ----
  const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
  function zoneShort(date) {
    const part = new Intl.DateTimeFormat([], { timeZoneName: 'short' }).formatToParts(date || new Date()).find((p) => p.type === 'timeZoneName');
    return part ? part.value : '';
  }
  const ZONE_LABEL = ZONE + (zoneShort() && zoneShort() !== ZONE ? ', ' + zoneShort() : '');
  function toDate(value) { if (value === null || value === undefined || value === '') return null; const d = value instanceof Date ? value : new Date(value); return Number.isNaN(d.getTime()) ? null : d; }
  function fmtClock(value, seconds) {
    const d = toDate(value); if (!d) return '–';
    return d.toLocaleTimeString([], seconds ? { hour: '2-digit', minute: '2-digit', second: '2-digit' } : { hour: '2-digit', minute: '2-digit' });
  }
  function fmtClockMs(value) {
    const d = toDate(value); if (!d) return '–';
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3 });
  }
  function sameDay(a, b) { return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate(); }
  /** A time today, or a date and time otherwise. */
  function fmtWhen(value) {
    const d = toDate(value); if (!d) return '–';
    return sameDay(d, new Date()) ? fmtClock(d) : d.toLocaleString([], { day: 'numeric', month: 'short', year: d.getFullYear() === new Date().getFullYear() ? undefined : 'numeric', hour: '2-digit', minute: '2-digit' });
  }
  function fmtDuration(ms) {
    if (!(ms >= 0)) return '–';
    const minutes = Math.round(ms / 60000);
    if (minutes < 1) return Math.max(0, Math.round(ms / 1000)) + ' s';
    if (minutes < 60) return minutes + ' min';
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return hours + ' h' + (minutes % 60 ? ' ' + (minutes % 60) + ' min' : '');
    return Math.round(hours / 24) + ' days';
  }
  function fmtAgo(value) {
    const d = toDate(value); if (!d) return '–';
    const ms = Date.now() - d.getTime();
    return ms < 45000 ? 'just now' : fmtDuration(ms) + ' ago';
  }
  function fmtPower(w) {
    if (w === null || w === undefined || !Number.isFinite(Number(w))) return '–';
    return Math.abs(w) >= 1000 ? (w / 1000).toFixed(1) + ' kW' : Math.round(w) + ' W';
  }
  function fmtEnergy(wh) {
    if (wh === null || wh === undefined || !Number.isFinite(Number(wh))) return '–';
    return (wh / 1000).toFixed(2) + ' kWh';
  }
  function fmtNumber(value, digits, unit) {
    if (value === null || value === undefined || !Number.isFinite(Number(value))) return '–';
    return Number(value).toFixed(digits) + (unit ? ' ' + unit : '');
  }
  /** A timestamp element: the local time as text, the full instant (and zone) on hover. */
  function timeEl(value, text) {
    const d = toDate(value);
    return el('time', { datetime: d ? d.toISOString() : undefined, title: d ? d.toLocaleString() + ' (' + ZONE_LABEL + ')' : undefined }, text === undefined ? fmtWhen(value) : text);
  }
  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(response.status + ' ' + ((await response.json().catch(() => ({}))).error || response.statusText));
    return response.json();
  }
  /** A POST (or DELETE) of the page's own origin; the answer as {ok, status, body}. */
  async function send(method, url, body) {
    const response = await fetch(url, body === undefined ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { ok: response.ok, status: response.status, body: await response.json().catch(() => ({})) };
  }
`;
