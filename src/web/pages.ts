// The two pages, bundled into the build (the monitor runs on a LAN: no CDN). Every string that
// comes from a charger or an upstream is put into the page as text (textContent), never as HTML.
// Every URL in them is relative, so they work under any path prefix (Home Assistant ingress
// serves them at /api/hassio_ingress/TOKEN/, a reverse proxy at /whatever/): the monitor is the
// prefix's root (`./`), the dashboard `status` beside it, the API under `api/`.

const STYLE = `
  body { font: 13px/1.4 system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1d2330; }
  header { display: flex; gap: 8px; align-items: center; padding: 8px 12px; background: #1d2330; color: #fff; flex-wrap: wrap; }
  header a { color: #9cc3ff; } header h1 { font-size: 15px; margin: 0 12px 0 0; }
  input, select, button, textarea { font: inherit; padding: 3px 6px; }
  table { border-collapse: collapse; width: 100%; } td, th { padding: 3px 6px; border-bottom: 1px solid #e1e4ea; text-align: left; vertical-align: top; }
  tr.msg { cursor: pointer; } tr.msg:hover { background: #eef3ff; }
  .up { color: #1558b0; } .down { color: #137333; } .proxy { color: #b3261e; } .invalid { color: #777; }
  .CALLERROR, .INVALID { color: #b3261e; font-weight: 600; }
  .tag { display: inline-block; padding: 0 5px; margin-right: 3px; border-radius: 8px; font-size: 11px; background: #e8eaf0; }
  .tag.fixed { background: #fff0c2; } .tag.blocked, .tag.dropped { background: #ffd9d6; } .tag.injected { background: #dcecff; }
  .tag.queued, .tag.replayed { background: #e3f5e1; }
  pre { margin: 4px 0; white-space: pre-wrap; word-break: break-all; background: #fff; padding: 6px; border: 1px solid #e1e4ea; }
  .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 12px; padding: 12px; }
  .card { background: #fff; border: 1px solid #dde1e8; border-radius: 6px; padding: 10px 12px; }
  .card h2 { font-size: 15px; margin: 0 0 6px; } .card h3 { font-size: 12px; margin: 10px 0 4px; color: #555; text-transform: uppercase; }
  .state-open { color: #137333; font-weight: 600; } .state-connecting, .state-waiting { color: #b06000; font-weight: 600; } .state-closed { color: #b3261e; font-weight: 600; }
  .big { font-size: 20px; font-weight: 600; } .muted { color: #777; }
  .warnings { background: #fff4ce; color: #4d3800; border-bottom: 1px solid #e0b400; padding: 6px 12px; }
  .warnings div::before { content: "⚠ "; }
`;

const COMMON_SCRIPT = `
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === 'class') node.className = value; else if (key.startsWith('on')) node.addEventListener(key.slice(2), value); else node.setAttribute(key, value);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    return node;
  }
  /** The configuration warnings of /api/status as a banner (hidden while there are none). */
  function showWarnings(warnings) {
    const banner = document.getElementById('warnings');
    const list = Array.isArray(warnings) ? warnings : [];
    banner.replaceChildren(...list.map((text) => el('div', {}, String(text))));
    banner.hidden = list.length === 0;
  }
`;

// The monitor is the root of its prefix. Reached as '/x/abc' (a proxy that strips '/x/abc' and
// was asked without the trailing slash), relative URLs would resolve under '/x/': its first line
// makes the address '/x/abc/' (history.replaceState; CSP forbids <base>).
export const MONITOR_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ocpp-proxy · messages</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body>
<header>
  <h1>ocpp-proxy</h1><a href="status">dashboard</a>
  <input id="f-charger" placeholder="charger" size="10"><input id="f-upstream" placeholder="upstream" size="10">
  <input id="f-action" placeholder="action" size="14"><input id="f-text" placeholder="text" size="16">
  <button id="pause">pause</button><button id="clear">clear</button><span id="count"></span><span id="conn"></span>
</header>
<div id="warnings" class="warnings" role="alert" hidden></div>
<table><thead><tr><th>time</th><th>charger</th><th>hop</th><th>type</th><th>action</th><th>id</th><th>tags</th><th>ms</th></tr></thead>
<tbody id="rows"></tbody></table>
<script>
  if (!location.pathname.endsWith('/')) history.replaceState(null, '', location.pathname + '/' + location.search + location.hash);
${COMMON_SCRIPT}
  const rows = document.getElementById('rows');
  const filters = ['charger', 'upstream', 'action', 'text'].map((name) => document.getElementById('f-' + name));
  const sentAt = new Map();
  const kept = [];
  let paused = false;
  const held = [];

  function hopClass(e) {
    if (e.type === 'INVALID') return 'invalid';
    if (e.from === 'proxy' || e.to === 'proxy') return 'proxy';
    return e.from === 'charger' ? 'up' : 'down';
  }
  function latency(e) {
    const key = e.charger + '|' + e.id;
    if (e.type === 'CALL') { sentAt.set(key + '|' + e.to, Date.parse(e.ts)); return ''; }
    if (e.type !== 'CALLRESULT' && e.type !== 'CALLERROR') return '';
    const start = sentAt.get(key + '|' + e.from);
    if (start === undefined) return '';
    sentAt.delete(key + '|' + e.from);
    return String(Date.parse(e.ts) - start);
  }
  function visible(e) {
    const [charger, upstream, action, text] = filters.map((f) => f.value.trim().toLowerCase());
    if (charger && !e.charger.toLowerCase().includes(charger)) return false;
    if (upstream && !(e.from + ' ' + e.to).toLowerCase().includes(upstream)) return false;
    if (action && !(e.action || '').toLowerCase().includes(action)) return false;
    if (text && !e.raw.toLowerCase().includes(text)) return false;
    return true;
  }
  function row(e) {
    const ms = latency(e);
    const tags = el('td', {}, ...e.tags.map((t) => el('span', { class: 'tag ' + t }, t)));
    const tr = el('tr', { class: 'msg ' + hopClass(e) },
      el('td', {}, e.ts.slice(11, 23)), el('td', {}, e.charger), el('td', {}, e.from + ' → ' + e.to),
      el('td', { class: e.type }, e.type), el('td', {}, e.action || ''), el('td', {}, e.id || ''), tags, el('td', {}, ms));
    tr.dataset.raw = e.raw;
    tr.addEventListener('click', () => {
      const next = tr.nextSibling;
      if (next && next.classList && next.classList.contains('detail')) { next.remove(); return; }
      let pretty = e.raw;
      try { pretty = JSON.stringify(JSON.parse(e.raw), null, 2); } catch {}
      tr.after(el('tr', { class: 'detail' }, el('td', { colspan: '8' }, el('pre', {}, pretty))));
    });
    return tr;
  }
  function add(e) {
    kept.push(e);
    if (kept.length > 2000) kept.shift();
    if (!visible(e)) { latency(e); return; }
    rows.prepend(row(e));
    while (rows.children.length > 1000) rows.lastChild.remove();
    document.getElementById('count').textContent = kept.length + ' messages';
  }
  function redraw() { rows.replaceChildren(); sentAt.clear(); const all = kept.splice(0); all.forEach(add); }
  filters.forEach((f) => f.addEventListener('input', redraw));
  document.getElementById('pause').addEventListener('click', (event) => {
    paused = !paused; event.target.textContent = paused ? 'resume' : 'pause';
    if (!paused) held.splice(0).forEach(add);
  });
  document.getElementById('clear').addEventListener('click', () => { kept.length = 0; rows.replaceChildren(); document.getElementById('count').textContent = ''; });

  fetch('api/messages').then((r) => r.json()).then((entries) => {
    entries.forEach(add);
    const source = new EventSource('api/live');
    source.addEventListener('message', (event) => { const e = JSON.parse(event.data); if (paused) held.push(e); else add(e); });
    source.addEventListener('status', (event) => showWarnings(JSON.parse(event.data).warnings));
    source.addEventListener('open', () => { document.getElementById('conn').textContent = '● live'; });
    source.addEventListener('error', () => { document.getElementById('conn').textContent = '○ reconnecting'; });
  });
</script></body></html>`;

export const DASHBOARD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ocpp-proxy · status</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>
<body>
<header><h1>ocpp-proxy</h1><a href="./">messages</a><span id="conn"></span>
  <span>homeowner override: <b id="override">none</b></span>
  <button data-override="block">block all backends</button><button data-override="allow">allow all</button>
  <select id="give-to" aria-label="give control to"></select><button data-override="give">give control</button>
  <button data-override="clear">clear override</button><span id="override-result"></span>
</header>
<div id="warnings" class="warnings" role="alert" hidden></div>
<div class="cards" id="cards"><p class="muted">waiting for status…</p></div>
<script>
${COMMON_SCRIPT}
  const cards = document.getElementById('cards');
  const fmt = (value, unit, digits) => (value === undefined || value === null ? '–' : Number(value).toFixed(digits) + ' ' + unit);
  const reading = (r, name) => r[name];

  function commandsFor(charger) {
    const is16 = charger.protocol === 'ocpp1.6';
    const tx = charger.transaction && charger.transaction.id;
    return is16 ? {
      Reset: ['Reset', { type: 'Soft' }],
      Unlock: ['UnlockConnector', { connectorId: 1 }],
      'Remote start': ['RemoteStartTransaction', { connectorId: 1, idTag: 'PROXY' }],
      'Remote stop': ['RemoteStopTransaction', { transactionId: tx ? Number(tx) : 0 }],
      'Get configuration': ['GetConfiguration', {}],
      'Change configuration': ['ChangeConfiguration', { key: 'HeartbeatInterval', value: '300' }],
      Trigger: ['TriggerMessage', { requestedMessage: 'StatusNotification' }],
    } : {
      Reset: ['Reset', { type: 'OnIdle' }],
      Unlock: ['UnlockConnector', { evseId: 1, connectorId: 1 }],
      'Remote start': ['RequestStartTransaction', { idToken: { idToken: 'PROXY', type: 'Central' }, remoteStartId: Date.now() % 100000 }],
      'Remote stop': ['RequestStopTransaction', { transactionId: tx || '' }],
      'Get configuration': ['GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] }],
      'Change configuration': ['SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '300' }] }],
      Trigger: ['TriggerMessage', { requestedMessage: 'StatusNotification' }],
    };
  }

  function commandBox(charger) {
    const action = el('input', { size: '22', 'aria-label': 'action' });
    const payload = el('textarea', { rows: '3', cols: '48', 'aria-label': 'payload' });
    const result = el('pre', { class: 'result' }, '');
    const send = el('button', { class: 'send', onclick: async () => {
      result.textContent = 'sending…';
      let body;
      try { body = JSON.stringify({ action: action.value.trim(), payload: JSON.parse(payload.value || '{}') }); } catch (error) { result.textContent = 'payload is not JSON: ' + error.message; return; }
      const response = await fetch('api/chargers/' + encodeURIComponent(charger.id) + '/call', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      result.textContent = response.status + ' ' + JSON.stringify(await response.json(), null, 2);
    } }, 'send');
    const presets = Object.entries(commandsFor(charger)).map(([label, [name, params]]) =>
      el('button', { 'data-command': label, onclick: () => { action.value = name; payload.value = JSON.stringify(params); send.click(); } }, label));
    return el('div', {}, el('div', {}, ...presets), el('div', {}, action, ' ', payload, ' ', send), result);
  }

  const boxes = new Map();
  function card(charger) {
    const r = charger.readings || {};
    const links = el('table', {}, ...charger.upstreams.map((u) => el('tr', {},
      el('td', {}, u.name + ' (' + u.role + ')'), el('td', { class: 'state-' + u.state }, u.state),
      el('td', { class: 'muted' }, 'since ' + u.since.slice(11, 19)), el('td', {}, u.reconnect_attempts ? u.reconnect_attempts + ' retries' : ''),
      el('td', {}, u.backlog ? u.backlog + ' waiting' : ''))));
    const phases = el('table', {}, el('tr', {}, el('th', {}, ''), el('th', {}, 'L1'), el('th', {}, 'L2'), el('th', {}, 'L3')),
      ...[['Voltage', 'V', 1], ['Current.Import', 'A', 2], ['Power.Active.Import', 'W', 0]].map(([m, unit, d]) =>
        el('tr', {}, el('td', {}, m), ...['L1', 'L2', 'L3'].map((p) => el('td', { class: 'reading', 'data-measurand': m + '.' + p },
          fmt(reading(r, m + '.' + p) ?? reading(r, m + '.' + p + '-N'), unit, d))))));
    const tx = charger.transaction;
    const connectors = Object.entries(charger.connectors || {}).map(([id, c]) => el('div', {}, 'connector ' + id + ': ', el('b', {}, c.status), c.errorCode && c.errorCode !== 'NoError' ? ' (' + c.errorCode + ')' : ''));
    const energy = reading(r, 'Energy.Active.Import.Register');
    if (!boxes.has(charger.id)) boxes.set(charger.id, commandBox(charger));
    return el('div', { class: 'card', 'data-charger': charger.id },
      el('h2', {}, charger.id + ' ', el('span', { class: 'muted' }, charger.protocol)),
      el('div', { class: 'muted' }, [charger.vendor, charger.model, charger.firmware].filter(Boolean).join(' · ') || 'no BootNotification yet'),
      el('h3', {}, 'links'), links,
      el('h3', {}, 'connectors'), ...(connectors.length ? connectors : [el('div', { class: 'muted' }, 'no status yet')]),
      el('h3', {}, 'session'), tx ? el('div', {}, 'transaction ' + (tx.id || '…') + ' · idTag ' + (tx.idTag || '–') + ' · owner ' + (tx.owner || '–') +
        ' · since ' + tx.startedAt + (energy !== undefined && tx.meterStartWh !== null ? ' · ' + ((energy - tx.meterStartWh) / 1000).toFixed(2) + ' kWh' : '')) : el('div', { class: 'muted' }, 'none'),
      el('h3', {}, 'power'), el('div', { class: 'big' }, fmt(reading(r, 'Power.Active.Import'), 'W', 0), ' · ', fmt(energy === undefined ? undefined : energy / 1000, 'kWh', 2)),
      phases,
      el('h3', {}, 'limit'), charger.limit ? el('div', {}, charger.limit.value + ' ' + charger.limit.unit + ' by ' + charger.limit.by) : el('div', { class: 'muted' }, 'none set'),
      el('h3', {}, 'control'), charger.control ? el('div', {},
        el('div', {}, 'holder: ', el('b', {}, charger.control.holder || 'nobody'), charger.control.lease_until ? ' · lease until ' + charger.control.lease_until.slice(11, 19) : '',
          charger.control.session_held ? ' · for its session' : '', charger.control.home_assistant ? ' · Home Assistant: ' + charger.control.home_assistant.reason : ''),
        ...charger.control.decisions.slice(-3).reverse().map((d) => el('div', { class: 'muted' }, d.at.slice(11, 19) + ' ' + d.backend + ' ' + d.action + ': ' + (d.allowed ? 'allowed' : 'refused') + ' (' + d.reason + ')'))) : null,
      el('h3', {}, 'autoconfig'), el('div', {}, ...Object.entries(charger.autoconfig || {}).map(([k, v]) => el('div', {}, k + ': ' + v))),
      el('h3', {}, 'commands'), boxes.get(charger.id));
  }

  const giveTo = document.getElementById('give-to');
  document.querySelectorAll('[data-override]').forEach((button) => button.addEventListener('click', async () => {
    const mode = button.dataset.override;
    const response = mode === 'clear'
      ? await fetch('api/override', { method: 'DELETE' })
      : await fetch('api/override', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(mode === 'give' ? { mode, to: giveTo.value } : { mode }) });
    document.getElementById('override-result').textContent = response.ok ? '' : response.status + ' ' + (await response.json()).error;
  }));

  const source = new EventSource('api/live');
  source.addEventListener('status', (event) => {
    const { chargers, override, backends, warnings } = JSON.parse(event.data);
    showWarnings(warnings);
    document.getElementById('override').textContent = override ? override.mode + (override.to ? ' → ' + override.to : '') : 'none';
    if (giveTo.options.length !== (backends || []).length) giveTo.replaceChildren(...(backends || []).map((name) => el('option', { value: name }, name)));
    cards.replaceChildren(...(chargers.length ? chargers.map(card) : [el('p', { class: 'muted' }, 'no charger connected')]));
  });
  source.addEventListener('open', () => { document.getElementById('conn').textContent = '● live'; });
  source.addEventListener('error', () => { document.getElementById('conn').textContent = '○ reconnecting'; });
</script></body></html>`;
