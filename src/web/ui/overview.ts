// The overview (`status`): every charger known as a card — online or offline, what it is doing,
// at what power, who limits it, whether every backend got the last session, why a connection
// failed — the homeowner's override when sharing is on, and the latest refused connections.

import { CHART_SCRIPT } from './chart.ts';
import { COMMANDS_SCRIPT, COMMANDS_STYLE } from './commands.ts';
import { COMMON_SCRIPT, head, header } from './common.ts';
import { STYLE } from './style.ts';

const OVERVIEW_STYLE = `
  .homeowner { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; }
  .homeowner .state { font-weight: 600; }
  .homeowner .group { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
  .homeowner input { width: 5.5em; }
  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 600px), 1fr)); gap: 14px; margin-bottom: 14px; }
  .card { background: var(--card); border: 1px solid var(--border); border-radius: 12px; padding: 14px 16px; min-width: 0; container-type: inline-size; }
  .card.online { grid-column: 1 / -1; }
  .card.offline { border-style: dashed; }
  .card-body { display: grid; grid-template-columns: minmax(0, 1fr); gap: 4px 28px; }
  @container (min-width: 900px) { .card-body { grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); } .card-body .panels { margin-top: 14px; } }
  .card-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; }
  .card-head h2 { font-size: 18px; margin: 0; overflow-wrap: anywhere; }
  .card-head .where { margin-left: auto; }
  .hero { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 18px; margin: 12px 0 8px; }
  .hero .state-label { font-size: 22px; font-weight: 700; }
  .hero .power { font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; }
  .hero .session { flex-basis: 100%; color: var(--muted); }
  .panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 250px), 1fr)); gap: 10px 18px; margin-top: 10px; }
  .panel { min-width: 0; }
  .line { margin: 2px 0; overflow-wrap: anywhere; }
  .link-line { display: flex; flex-wrap: wrap; gap: 0 8px; align-items: baseline; margin: 3px 0; }
  .phases td, .phases th { padding: 2px 8px 2px 0; border: none; }
  .fix { background: var(--warn-bg); border-radius: 8px; padding: 8px 10px; margin-top: 10px; overflow-wrap: anywhere; }
  .fix.resolved { background: var(--soft); }
  .commands { margin-top: 12px; border-top: 1px solid var(--border); padding-top: 8px; }
  .refusals td { overflow-wrap: anywhere; } .refusals td.nowrap { white-space: nowrap; overflow-wrap: normal; }
  .session-chart h3 { margin-top: 8px; }
  @media (max-width: 640px) {
    .hero .power { font-size: 24px; } .hero .state-label { font-size: 19px; }
    .refusals thead { display: none; }
    .refusals tr { display: block; padding: 6px 0; border-bottom: 1px solid var(--border); }
    .refusals td { display: block; border: none; padding: 1px 0; }
  }
`;

export const OVERVIEW_SCRIPT = `
${COMMON_SCRIPT}
${CHART_SCRIPT}
${COMMANDS_SCRIPT}
  const cardsBox = document.getElementById('cards');
  const cards = new Map();
  let latest = null;

  const STATUS_TEXT = {
    Available: ['Ready', 'muted'], Preparing: ['Plugged in', 'warn'], Charging: ['Charging', 'ok'], SuspendedEV: ['Paused by the car', 'warn'],
    SuspendedEVSE: ['Paused by the charger', 'warn'], Finishing: ['Finishing', 'warn'], Reserved: ['Reserved', 'warn'], Unavailable: ['Unavailable', 'bad'],
    Faulted: ['Fault', 'bad'], Occupied: ['Plugged in', 'warn'],
  };
  /** The words for a connector status; a status named like an object's own property finds none. */
  const statusText = (status) => (Object.hasOwn(STATUS_TEXT, status) ? STATUS_TEXT[status] : null);
  const RANK = ['Faulted', 'Charging', 'SuspendedEVSE', 'SuspendedEV', 'Occupied', 'Preparing', 'Finishing', 'Reserved', 'Unavailable', 'Available'];
  function reading(r, name) {
    if (r[name] !== undefined) return r[name];
    const phases = ['L1', 'L2', 'L3'].map((p) => r[name + '.' + p] ?? r[name + '.' + p + '-N']).filter((v) => v !== undefined);
    return phases.length ? phases.reduce((a, b) => a + b, 0) : undefined;
  }
  /** What the charger is doing, in a few words, and the tone of it. */
  function chargerState(c) {
    if (!c.online) return c.last_seen ? ['Offline', 'bad'] : ['Not let in', 'bad'];
    const statuses = Object.entries(c.connectors || {}).filter(([id]) => id !== '0' && id !== '0/0' && id !== ':0').map(([, s]) => s.status);
    const all = statuses.length ? statuses : Object.values(c.connectors || {}).map((s) => s.status);
    const top = RANK.find((s) => all.includes(s)) || all[0];
    if (top === 'Occupied' && c.transaction && (reading(c.readings || {}, 'Power.Active.Import') || 0) > 50) return ['Charging', 'ok'];
    return top ? (statusText(top) || [top, 'muted']) : ['Online', 'ok'];
  }
  function linkText(u) {
    if (u.state === 'open') return ['connected', 'ok'];
    if (u.state === 'connecting') return ['connecting…', 'warn'];
    if (u.state === 'waiting') return ['reconnecting' + (u.reconnect_attempts ? ' (' + u.reconnect_attempts + ' tries)' : ''), 'warn'];
    return [u.state, 'bad'];
  }

  // ---- the homeowner's say -------------------------------------------------------------------
  function overrideSentence(override) {
    if (!override) return 'Normal: the sharing rules decide which backend steers charging.';
    const since = ' (since ' + fmtWhen(override.since) + ')';
    if (override.mode === 'block') return 'Paused: no backend may steer charging' + since + '.';
    if (override.mode === 'allow') return 'Every backend may steer charging' + since + '.';
    if (override.mode === 'give') return 'Only ' + override.to + ' may steer charging' + since + '.';
    return override.mode;
  }
  async function setOverride(body) {
    const reply = body === null ? await send('DELETE', 'api/override') : await send('POST', 'api/override', body);
    document.getElementById('override-result').textContent = reply.ok ? '' : 'Not changed (' + reply.status + '): ' + (reply.body.error || '');
  }
  function homeowner(status) {
    const box = document.getElementById('homeowner');
    box.hidden = !status.sharing;
    if (!status.sharing) return;
    const mode = document.getElementById('override');
    mode.textContent = overrideSentence(status.override);
    mode.dataset.mode = status.override ? status.override.mode : 'none';
    const select = document.getElementById('give-to');
    const backends = status.backends || [];
    if ([...select.options].map((o) => o.value).join() !== backends.join()) select.replaceChildren(...backends.map((name) => el('option', { value: name }, name)));
    const cap = status.homeowner_cap;
    document.getElementById('cap-state').textContent = cap ? 'Cap: ' + cap.limit + ' ' + cap.unit + ' (since ' + fmtWhen(cap.since) + ')' : 'No cap';
    document.getElementById('cap-clear').hidden = !cap;
  }
  document.querySelector('[data-override="block"]').addEventListener('click', () => setOverride({ mode: 'block' }));
  document.querySelector('[data-override="allow"]').addEventListener('click', () => setOverride({ mode: 'allow' }));
  document.querySelector('[data-override="give"]').addEventListener('click', () => setOverride({ mode: 'give', to: document.getElementById('give-to').value }));
  document.querySelector('[data-override="clear"]').addEventListener('click', () => setOverride(null));
  document.getElementById('cap-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const amps = Number(document.getElementById('cap-amps').value);
    if (!(amps >= 0)) { document.getElementById('override-result').textContent = 'The cap is a number of amperes.'; return; }
    void setOverride({ mode: 'limit', amps });
  });
  document.getElementById('cap-clear').addEventListener('click', () => setOverride({ mode: 'none' }));

  // ---- a charger's card ----------------------------------------------------------------------
  function backendsPanel(c) {
    const rows = (c.upstreams || []).map((u) => {
      const [text, tone] = linkText(u);
      return el('div', { class: 'link-line', 'data-upstream': u.name },
        el('span', {}, el('span', { class: 'dot ' + tone }), el('b', {}, u.name), el('span', { class: 'muted small' }, ' ' + u.role)),
        el('span', { class: tone }, text),
        u.latency_ms === null || u.latency_ms === undefined ? null : el('span', { class: 'muted small', title: 'time to answer the charger\\'s latest message' }, u.latency_ms + ' ms'),
        u.backlog ? el('span', { class: 'warn small' }, u.backlog + ' message' + (u.backlog === 1 ? '' : 's') + ' waiting') : el('span', { class: 'muted small' }, 'since ' + fmtWhen(u.since)));
    });
    return el('div', { class: 'panel' }, el('h3', {}, 'Backends'), rows.length ? rows : el('div', { class: 'muted' }, 'none'), configurationLines(c));
  }
  /** [configuration] views of the keys whose views differ: "HA sees 10 s, primary sees 60 s, charger runs at 10 s". */
  function configurationLines(c) {
    return Object.entries(c.configuration || {}).filter(([, k]) => new Set(Object.values(k.views || {})).size > 1).map(([key, k]) => {
      const unit = /Interval$/.test(key) ? ' s' : '';
      const seen = Object.entries(k.views).map(([name, v]) => name + ' sees ' + (v === null ? 'nothing set' : v === '' ? 'none' : v + unit)).join(', ');
      return el('div', { class: 'muted small', 'data-config-key': key }, key + ': ' + seen + ', charger runs at ' + (k.charger ?? k.effective ?? '?') + unit);
    });
  }
  /**
   * The limits in force, the lowest first: the proxy's own merge where the status has one
   * (\`charging\`), else each backend's latest limit and the homeowner's cap.
   */
  function limits(c, cap) {
    const volts = 230, phases = ['L1', 'L2', 'L3'].filter((p) => (c.readings || {})['Current.Import.' + p] > 0.5).length || 3;
    const toAmps = (l) => l.unit === 'W' ? l.value / volts / phases : l.value;
    const merged = Object.values(c.charging || {}).flatMap((byPurpose) => Object.entries(byPurpose || {}).map(([purpose, l]) =>
      ({ from: l.from === 'homeowner' ? 'you (cap)' : l.from, value: l.limit_now, unit: l.unit, purpose, at: null }))).filter((l) => typeof l.value === 'number');
    const list = merged.length ? merged : Object.entries(c.limits || {}).filter(([from]) => from !== 'proxy').map(([from, l]) => ({ from, ...l }));
    if (cap && !merged.length) list.push({ from: 'you (cap)', value: cap.limit, unit: cap.unit, at: cap.since });
    return list.sort((a, b) => toAmps(a) - toAmps(b));
  }
  function controlPanel(c, status) {
    const lines = [];
    const list = limits(c, status.homeowner_cap);
    if (list.length) {
      const [first, ...rest] = list;
      lines.push(el('div', { class: 'line', 'data-limit': first.from }, 'Limit ', el('b', {}, first.value + ' ' + first.unit), ' set by ', el('b', {}, first.from), first.at ? el('span', { class: 'muted small' }, ' · ' + fmtWhen(first.at)) : ''));
      const current = reading(c.readings || {}, 'Current.Import');
      if (first.unit === 'A' && current !== undefined && c.transaction) lines.push(el('div', { class: 'line muted small' }, 'drawing ' + Math.max(...['L1', 'L2', 'L3'].map((p) => (c.readings || {})['Current.Import.' + p] || 0)).toFixed(1) + ' A per phase of the ' + first.value + ' A allowed'));
      for (const other of rest) lines.push(el('div', { class: 'line muted small' }, other.from + ' asks for ' + other.value + ' ' + other.unit));
    } else {
      lines.push(el('div', { class: 'line' }, 'No limit set: the charger\\'s own maximum'));
    }
    if (c.cap_result && status.homeowner_cap) lines.push(el('div', { class: 'line small ' + (c.cap_result.status === 'Accepted' ? 'muted' : 'warn') }, 'your cap: charger answered ' + c.cap_result.status));
    const control = c.control;
    if (control) {
      if (!control.enabled && !control.override) lines.push(el('div', { class: 'line muted small' }, 'Sharing is off: every backend may send commands.'));
      else lines.push(el('div', { class: 'line' }, 'In control: ', el('b', {}, control.holder || 'nobody'), control.lease_until ? el('span', { class: 'muted small' }, ' until ' + fmtClock(control.lease_until)) : '', control.session_held ? el('span', { class: 'muted small' }, ' for its session') : ''));
      if (control.home_assistant) lines.push(el('div', { class: 'line small ' + (control.home_assistant.blocked ? 'warn' : 'muted') }, 'Home Assistant: ' + control.home_assistant.reason));
      const refused = (control.decisions || []).filter((d) => !d.allowed).slice(-1)[0];
      if (refused) lines.push(el('div', { class: 'line muted small' }, 'last refused: ' + refused.backend + ' ' + refused.action + ' at ' + fmtClock(refused.at) + ' (' + refused.reason + ')'));
    }
    return el('div', { class: 'panel' }, el('h3', {}, 'Who limits charging'), ...lines);
  }
  function lastSessionPanel(c) {
    const last = c.last_session;
    const body = [];
    if (!last) body.push(el('div', { class: 'muted' }, 'No session has ended since the proxy started.'), el('a', { href: 'sessions?charger=' + encodeURIComponent(c.id), class: 'small' }, 'past sessions'));
    else {
      body.push(el('div', { class: 'line' }, 'Ended ', timeEl(last.ended_at), last.energy_kwh !== null && last.energy_kwh !== undefined ? ' · ' + last.energy_kwh.toFixed(2) + ' kWh' : '',
        last.transaction ? el('span', { class: 'muted small' }, ' · transaction ' + last.transaction) : ''));
      const icon = { received: ['✓', 'ok'], refused: ['✗', 'bad'], sent: ['…', 'warn'], waiting: ['…', 'warn'], 'not sent': ['–', 'muted'] };
      for (const u of last.upstreams) {
        const [mark, tone] = icon[u.state] || ['?', 'muted'];
        body.push(el('div', { class: 'line ' + tone, 'data-delivery': u.upstream, 'data-state': u.state }, mark + ' ' + u.detail));
      }
      body.push(el('a', { href: 'sessions?charger=' + encodeURIComponent(c.id), class: 'small' }, 'all sessions'));
    }
    return el('div', { class: 'panel' }, el('h3', {}, 'Last session'), ...body);
  }
  function connectorsPanel(c) {
    const entries = Object.entries(c.connectors || {});
    return el('div', { class: 'panel' }, el('h3', {}, c.online ? 'Connectors' : 'Connectors when last seen'),
      entries.length ? entries.map(([id, s]) => { const [text, tone] = statusText(s.status) || [s.status, 'muted'];
        return el('div', { class: 'line' }, 'Connector ' + id.replace(/^:/, '') + ' ', el('span', { class: 'pill ' + tone, title: s.status }, text),
          s.errorCode && s.errorCode !== 'NoError' ? el('span', { class: 'bad' }, ' ' + s.errorCode) : '', el('span', { class: 'muted small' }, ' since ' + fmtWhen(s.at))); })
        : el('div', { class: 'muted' }, c.online ? 'no status yet' : 'unknown'));
  }
  function phasesPanel(c) {
    const r = c.readings || {};
    const value = (measurand, p) => r[measurand + '.' + p] ?? r[measurand + '.' + p + '-N'];
    const row = (label, measurand, unit, digits) => ['L1', 'L2', 'L3'].some((p) => value(measurand, p) !== undefined) ? el('tr', {}, el('th', {}, label), ...['L1', 'L2', 'L3'].map((p) =>
      el('td', { class: 'num reading', 'data-measurand': measurand + '.' + p }, fmtNumber(value(measurand, p), digits, unit)))) : null;
    const rows = [row('Current', 'Current.Import', 'A', 1), row('Voltage', 'Voltage', 'V', 1), row('Power', 'Power.Active.Import', 'W', 0)].filter(Boolean);
    if (!rows.length) return null;
    return el('div', { class: 'panel' }, el('h3', {}, 'Per phase'), el('table', { class: 'phases' },
      el('tr', {}, el('th', {}, ''), el('th', { class: 'num' }, 'L1'), el('th', { class: 'num' }, 'L2'), el('th', { class: 'num' }, 'L3')), ...rows),
      c.readings_at ? el('div', { class: 'muted small' }, 'measured ' + fmtAgo(c.readings_at)) : null);
  }
  function refusalBox(c) {
    const r = c.last_refusal;
    if (!r) return null;
    const resolved = c.online && c.connected_since && r.at < c.connected_since;
    return el('div', { class: 'fix' + (resolved ? ' resolved' : ''), 'data-refusal': r.kind },
      el('div', {}, el('b', {}, resolved ? 'Earlier connection problem: ' : 'Why it cannot connect: '), r.reason + ' (HTTP ' + r.status + ', ' + c.refused_attempts + ' attempt' + (c.refused_attempts === 1 ? '' : 's') + ', last ' + fmtWhen(r.at) + ' from ' + r.address + ')'),
      el('div', {}, el('b', {}, 'Try: '), r.fix));
  }
  function hero(c) {
    const [label, tone] = chargerState(c);
    const parts = [el('span', { class: 'state-label ' + tone, 'data-state': label }, label)];
    if (!c.online) {
      parts.push(el('span', { class: 'muted' }, c.last_seen ? 'last seen ' + fmtAgo(c.last_seen) + ' (' + fmtWhen(c.last_seen) + ')' : 'it tried to connect, but has never been let in'));
      return el('div', { class: 'hero' }, ...parts);
    }
    const r = c.readings || {};
    const power = reading(r, 'Power.Active.Import');
    if (power !== undefined) parts.push(el('span', { class: 'power', 'data-power': String(power) }, fmtPower(power)));
    const tx = c.transaction;
    const energy = reading(r, 'Energy.Active.Import.Register');
    if (tx) {
      const used = energy !== undefined && tx.meterStartWh !== null && tx.meterStartWh !== undefined ? energy - tx.meterStartWh : null;
      parts.push(el('span', { class: 'session' }, 'Session ', el('b', { 'data-session-energy': '' }, used === null ? '–' : fmtEnergy(used)),
        ' · since ', timeEl(tx.startedAt), ' (' + fmtDuration(Date.now() - new Date(tx.startedAt).getTime()) + ')',
        tx.idTag ? ' · tag ' + tx.idTag : '', tx.owner ? ' · belongs to ' + tx.owner : ''));
    } else {
      parts.push(el('span', { class: 'session' }, 'No session running' + (energy !== undefined ? ' · meter ' + fmtEnergy(energy) : '')));
    }
    return el('div', { class: 'hero' }, ...parts);
  }
  function headLine(c) {
    const [, tone] = c.online ? ['', 'ok'] : ['', 'bad'];
    const what = [c.vendor, c.model, c.firmware ? 'firmware ' + c.firmware : null, c.protocol ? c.protocol.replace('ocpp', 'OCPP ') : null].filter(Boolean).join(' · ');
    return el('div', { class: 'card-head' }, el('h2', {}, el('span', { class: 'dot ' + tone }), c.id),
      el('span', { class: 'muted' }, what || (c.online ? 'no BootNotification yet' : '')),
      el('span', { class: 'where small ' + (c.online ? 'ok' : 'muted') }, c.online ? 'online since ' + fmtWhen(c.connected_since) : 'offline'));
  }

  function chartFor(c, card) {
    const tx = c.transaction && c.transaction.id;
    if (!c.online || !tx) { card.series = null; card.chart.replaceChildren(); return; }
    const key = tx + '|' + c.readings_at;
    if (card.seriesKey === key || card.fetching) return;
    card.fetching = true;
    getJson('api/chargers/' + encodeURIComponent(c.id) + '/series').then((data) => {
      card.seriesKey = key;
      card.chart.replaceChildren(el('h3', {}, 'This session'), sessionCharts(data, { height: 190, empty: 'no meter values in this session yet' }));
    }).catch(() => {}).finally(() => { card.fetching = false; });
  }

  function updateCard(c, status) {
    let card = cards.get(c.id);
    if (!card) {
      card = { root: el('article', { class: 'card', 'data-charger': c.id }), head: el('div', {}), hero: el('div', {}), chart: el('div', { class: 'session-chart' }), panels: el('div', { class: 'panels' }), fix: el('div', {}), commands: null };
      card.root.append(card.head, el('div', { class: 'card-body' }, el('div', {}, card.hero, card.chart), card.panels), card.fix);
      cards.set(c.id, card);
    }
    card.root.classList.toggle('offline', !c.online);
    card.root.classList.toggle('online', c.online);
    card.head.replaceChildren(headLine(c));
    card.hero.replaceChildren(hero(c));
    chartFor(c, card);
    const panels = c.online ? [backendsPanel(c), controlPanel(c, status), lastSessionPanel(c), connectorsPanel(c), phasesPanel(c)]
      : c.last_seen ? [lastSessionPanel(c), connectorsPanel(c)] : [];
    card.panels.replaceChildren(...panels.filter(Boolean));
    card.fix.replaceChildren(...[refusalBox(c)].filter(Boolean));
    if (c.online) {
      if (!card.commands || card.commandsFor !== c.protocol) {
        card.commandsFor = c.protocol;
        card.panel = commandPanel(c);
        // Open on a wide screen; on a phone the commands wait behind their summary.
        card.commands = el('details', { class: 'commands', open: window.matchMedia('(min-width: 700px)').matches }, el('summary', {}, 'Commands'), card.panel);
      }
      card.panel.sync(c);
      if (card.commands.parentNode !== card.root) card.root.append(card.commands);
    } else if (card.commands && card.commands.parentNode) card.commands.remove();
    return card.root;
  }
  /** Chargers refused at the door that never connected: a card each, saying why. */
  function refusedOnly(status, known) {
    const byCharger = new Map();
    for (const r of status.refusals || []) if (r.charger !== null && !known.has(r.charger)) {
      const entry = byCharger.get(r.charger) || { id: r.charger, online: false, last_seen: null, refused_attempts: 0, last_refusal: r, connectors: {}, last_session: null };
      entry.refused_attempts++;
      byCharger.set(r.charger, entry);
    }
    return [...byCharger.values()].slice(0, 6);
  }
  function refusalsTable(status) {
    const box = document.getElementById('refusals');
    const list = status.refusals || [];
    if (!list.length) { box.replaceChildren(el('div', { class: 'muted' }, 'No refused connections since the proxy started.')); return; }
    box.replaceChildren(el('table', { class: 'refusals' },
      el('thead', {}, el('tr', {}, el('th', {}, 'When'), el('th', {}, 'Charger'), el('th', {}, 'From'), el('th', {}, 'What happened'), el('th', {}, 'What to try'))),
      el('tbody', {}, ...list.map((r) => el('tr', { 'data-refusal': r.kind },
        el('td', { class: 'nowrap' }, timeEl(r.at, fmtWhen(r.at))), el('td', {}, el('b', {}, r.charger === null ? '(no id)' : r.charger)), el('td', { class: 'muted nowrap' }, r.address),
        el('td', { class: 'bad' }, 'HTTP ' + r.status + ': ' + r.reason), el('td', {}, r.fix))))));
  }

  function render(status) {
    latest = status;
    showWarnings(status.warnings);
    homeowner(status);
    const all = [...status.chargers, ...(status.offline || [])];
    const known = new Set(all.map((c) => c.id));
    all.push(...refusedOnly(status, known));
    const roots = all.map((c) => updateCard(c, status));
    for (const [id, card] of cards) if (!all.some((c) => c.id === id)) { card.root.remove(); cards.delete(id); }
    if (roots.length === 0) cardsBox.replaceChildren(el('div', { class: 'empty block' }, 'No charger yet. Point your charger at ws://THIS-HOST:PORT/ID (see the README); it appears here as soon as it connects or is refused.'));
    else if ([...cardsBox.children].map((n) => n.dataset.charger).join('\\u0000') !== all.map((c) => c.id).join('\\u0000')) cardsBox.replaceChildren(...roots);
    refusalsTable(status);
    document.getElementById('zone').textContent = 'Times are local: ' + ZONE_LABEL + '.';
  }
  setInterval(() => { if (latest) render(latest); }, 30000); // "3 min ago" moves on

  const source = new EventSource('api/live');
  source.addEventListener('status', (event) => render(JSON.parse(event.data)));
  source.addEventListener('open', () => setConn(true));
  source.addEventListener('error', () => setConn(false));
`;

export const OVERVIEW_HTML = `<!doctype html>
<html lang="en"><head>${head('Overview', STYLE + COMMANDS_STYLE + OVERVIEW_STYLE)}</head>
<body>
${header('overview')}
<main>
<section class="block homeowner" id="homeowner" hidden aria-label="homeowner override">
  <span class="state" id="override" data-mode="none">…</span>
  <span class="group"><button data-override="block">Pause all backends</button>
    <label>Allow only <select id="give-to" aria-label="backend to allow"></select></label><button data-override="give">Allow</button>
    <button data-override="allow">Allow all</button><button data-override="clear">Back to normal</button></span>
  <form class="group" id="cap-form"><label>Cap at <input id="cap-amps" type="number" min="0" max="1000" step="1" value="16" inputmode="numeric"> A</label>
    <button type="submit" data-override="limit">Set cap</button><span id="cap-state" class="muted"></span><button type="button" id="cap-clear" hidden>Remove cap</button></form>
  <span id="override-result" class="bad"></span>
</section>
<div class="cards" id="cards"><div class="empty">waiting for status…</div></div>
<section class="block"><h2>Connection attempts</h2><div id="refusals" class="muted">…</div></section>
<p class="muted small" id="zone"></p>
</main>
<script>${OVERVIEW_SCRIPT}</script></body></html>`;
