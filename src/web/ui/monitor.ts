// The live message view (the prefix's root, `./`): every frame per hop as it passes, pushed by
// Server-Sent Events, with refused connections among them; filters, pause, request↔answer
// pairing with the latency both ways, local time with its zone.

import { COMMON_SCRIPT, head, header } from './common.ts';
import { STYLE } from './style.ts';

const MONITOR_STYLE = `
  :root { --c5: #7a4fc4; } @media (prefers-color-scheme: dark) { :root { --c5: #c7a6ff; } }
  .filters { display: flex; flex-wrap: wrap; gap: 6px; padding: 8px 14px; background: var(--card); border-bottom: 1px solid var(--border); align-items: center; }
  .filters input { flex: 1 1 120px; min-width: 0; }
  .filters .count { color: var(--muted); font-size: 12px; }
  table.log { table-layout: fixed; font-size: 13px; }
  table.log td { overflow-wrap: anywhere; }
  table.log col.time { width: 8.5em; } table.log col.charger { width: 9em; } table.log col.hop { width: 12em; } table.log col.type { width: 7.5em; }
  table.log col.action { width: 13em; } table.log col.tags { width: 9em; } table.log col.ms { width: 4.5em; }
  tr.msg { cursor: pointer; } tr.msg:hover { background: var(--hover); }
  tr.msg td:first-child { font-variant-numeric: tabular-nums; color: var(--muted); }
  .up { color: var(--c1); } .down { color: var(--ok); } .proxy { color: var(--c5); } .invalid { color: var(--muted); }
  td.CALLERROR, td.INVALID, td.CALLRESULTERROR, td.REFUSED { color: var(--bad); font-weight: 600; }
  tr.refusal { background: var(--bad-bg); }
  .tag { display: inline-block; padding: 0 6px; margin: 0 3px 2px 0; border-radius: 8px; font-size: 11px; background: var(--soft); color: var(--text); }
  .tag.fixed { background: var(--warn-bg); } .tag.blocked { background: var(--bad-bg); } .tag.injected { background: var(--hover); }
  .tag.queued, .tag.replayed { background: var(--ok-bg); } .tag.dropped { background: var(--soft); color: var(--muted); }
  tr.detail td { background: var(--bg); }
  @media (max-width: 700px) {
    table.log thead, table.log colgroup, table.log td.id { display: none; }
    table.log, table.log tbody { display: block; }
    tr.msg { display: flex; flex-wrap: wrap; gap: 0 10px; padding: 5px 10px; border-bottom: 1px solid var(--border); }
    tr.msg td { border: none; padding: 0; }
    tr.msg td.action { font-weight: 600; } tr.msg td.num:not(:empty)::after { content: " ms"; }
    tr.detail { display: block; } tr.detail td { display: block; }
  }
`;

export const MONITOR_SCRIPT = `
  // Reached as '/x/abc' (a proxy that strips '/x/abc', asked without the trailing slash), relative
  // URLs would resolve under '/x/': make the address '/x/abc/' (CSP forbids <base>).
  if (!location.pathname.endsWith('/')) history.replaceState(null, '', location.pathname + '/' + location.search + location.hash);
${COMMON_SCRIPT}
  const rows = document.getElementById('rows');
  const filters = ['charger', 'upstream', 'action', 'text'].map((name) => document.getElementById('f-' + name));
  const sentAt = new Map();
  /** The Call now at each charger (one at a time): its time and action, to time the charger's answer. */
  const atCharger = new Map();
  const kept = [];
  let paused = false;
  const held = [];
  document.getElementById('time-head').textContent = 'time (' + (zoneShort() || ZONE) + ')';
  document.getElementById('time-head').title = 'local time, ' + ZONE_LABEL;

  function hopClass(e) {
    if (e.type === 'INVALID') return 'invalid';
    if (e.from === 'charger') return 'up';
    if (e.from === 'proxy') return 'proxy';
    return 'down'; // an upstream's frame, also when it is dropped (a secondary's answer goes no further, as it should)
  }
  function latency(e) {
    if (e.kind === 'refusal') return '';
    const t = Date.parse(e.ts);
    if (e.type === 'CALL' && e.from === 'charger') { sentAt.set(e.charger + '|' + e.id + '|' + e.to, t); return ''; }
    if (e.type === 'CALL' && e.to === 'charger') { atCharger.set(e.charger, { t, action: e.action }); return ''; }
    if (e.type !== 'CALLRESULT' && e.type !== 'CALLERROR') return '';
    if (e.from === 'charger') {
      const call = atCharger.get(e.charger);
      if (!call || call.action !== e.action) return '';
      atCharger.delete(e.charger);
      return String(t - call.t);
    }
    const key = e.charger + '|' + e.id + '|' + e.from;
    const start = sentAt.get(key);
    if (start === undefined) return '';
    sentAt.delete(key);
    if (sentAt.size > 5000) sentAt.delete(sentAt.keys().next().value);
    return String(t - start);
  }
  function visible(e) {
    const [charger, upstream, action, text] = filters.map((f) => f.value.trim().toLowerCase());
    if (e.kind === 'refusal') {
      if (charger && !(e.charger || '').toLowerCase().includes(charger)) return false;
      if (upstream || (action && !'refused connection'.includes(action))) return false;
      return !text || (e.reason + ' ' + e.address).toLowerCase().includes(text);
    }
    if (charger && !e.charger.toLowerCase().includes(charger)) return false;
    if (upstream && !(e.from + ' ' + e.to).toLowerCase().includes(upstream)) return false;
    if (action && !(e.action || '').toLowerCase().includes(action)) return false;
    if (text && !e.raw.toLowerCase().includes(text)) return false;
    return true;
  }
  function expandable(tr, text) {
    tr.addEventListener('click', () => {
      const next = tr.nextSibling;
      if (next && next.classList && next.classList.contains('detail')) { next.remove(); return; }
      tr.after(el('tr', { class: 'detail' }, el('td', { colspan: '8' }, el('pre', {}, text()))));
    });
    return tr;
  }
  function row(e) {
    const ms = latency(e);
    if (e.kind === 'refusal') {
      return expandable(el('tr', { class: 'msg refusal', 'data-type': 'REFUSED' },
        el('td', { title: e.at }, fmtClockMs(e.at)), el('td', {}, e.charger === null ? '–' : e.charger), el('td', {}, e.address + ' → proxy'),
        el('td', { class: 'REFUSED' }, 'REFUSED'), el('td', { class: 'action' }, 'connection · HTTP ' + e.status), el('td', { class: 'id' }, ''),
        el('td', {}, el('span', { class: 'tag blocked' }, 'blocked')), el('td', {}, '')),
        () => e.reason + '\\n\\nWhat to try: ' + e.fix);
    }
    const tags = el('td', {}, ...e.tags.map((t) => el('span', { class: 'tag ' + t }, t)));
    const tr = el('tr', { class: 'msg ' + hopClass(e), 'data-type': e.type, 'data-tags': e.tags.join(' ') },
      el('td', { title: e.ts }, fmtClockMs(e.ts)), el('td', {}, e.charger), el('td', {}, e.from + ' → ' + e.to),
      el('td', { class: e.type }, e.type), el('td', { class: 'action' }, e.action || ''), el('td', { class: 'id' }, e.id || ''), tags,
      el('td', { class: 'num', title: ms ? 'ms until the answer' : undefined }, ms));
    tr.dataset.raw = e.raw;
    return expandable(tr, () => { try { return JSON.stringify(JSON.parse(e.raw), null, 2); } catch { return e.raw; } });
  }
  function add(e) {
    kept.push(e);
    if (kept.length > 2000) kept.shift();
    if (!visible(e)) { latency(e); return; }
    rows.prepend(row(e));
    while (rows.children.length > 1000) rows.lastChild.remove();
    document.getElementById('count').textContent = kept.length + ' messages';
  }
  function redraw() { rows.replaceChildren(); sentAt.clear(); atCharger.clear(); const all = kept.splice(0); all.forEach(add); }
  filters.forEach((f) => f.addEventListener('input', redraw));
  document.getElementById('pause').addEventListener('click', (event) => {
    paused = !paused; event.target.textContent = paused ? 'Resume' : 'Pause';
    if (!paused) held.splice(0).forEach(add);
  });
  document.getElementById('clear').addEventListener('click', () => { kept.length = 0; rows.replaceChildren(); document.getElementById('count').textContent = ''; });

  const refusal = (r) => ({ ...r, kind: 'refusal', ts: r.at });
  Promise.all([fetch('api/messages').then((r) => r.json()), fetch('api/chargers').then((r) => r.json()).catch(() => ({ refusals: [] }))]).then(([entries, chargers]) => {
    const history = entries.concat((chargers.refusals || []).map(refusal));
    history.sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts)).forEach(add);
    const source = new EventSource('api/live');
    const take = (e) => { if (paused) held.push(e); else add(e); };
    source.addEventListener('message', (event) => take(JSON.parse(event.data)));
    source.addEventListener('refusal', (event) => take(refusal(JSON.parse(event.data))));
    source.addEventListener('status', (event) => showWarnings(JSON.parse(event.data).warnings));
    source.addEventListener('open', () => setConn(true));
    source.addEventListener('error', () => setConn(false));
  });
`;

export const MONITOR_HTML = `<!doctype html>
<html lang="en"><head>${head('Live messages', STYLE + MONITOR_STYLE)}</head>
<body>
${header('monitor')}
<div class="filters" role="search">
  <input id="f-charger" placeholder="charger" aria-label="filter by charger"><input id="f-upstream" placeholder="backend" aria-label="filter by backend">
  <input id="f-action" placeholder="action" aria-label="filter by action"><input id="f-text" placeholder="text in the frame" aria-label="filter by text">
  <button id="pause">Pause</button><button id="clear">Clear</button><span id="count" class="count"></span>
</div>
<table class="log"><colgroup><col class="time"><col class="charger"><col class="hop"><col class="type"><col class="action"><col class="id"><col class="tags"><col class="ms"></colgroup>
<thead><tr><th id="time-head">time</th><th>charger</th><th>hop</th><th>type</th><th>action</th><th>id</th><th>tags</th><th class="num">ms</th></tr></thead>
<tbody id="rows"></tbody></table>
<script>${MONITOR_SCRIPT}</script></body></html>`;
