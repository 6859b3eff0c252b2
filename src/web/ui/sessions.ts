// The sessions page (`sessions`): the charging sessions from the state store in local time, by
// charger and month, totals per month, the CSV download for what is shown, and each session's
// power, energy and per-phase current chart from the meter values the proxy kept.

import { CHART_SCRIPT } from './chart.ts';
import { COMMON_SCRIPT, head, header } from './common.ts';
import { STYLE } from './style.ts';

const SESSIONS_STYLE = `
  .filters-row { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: center; }
  .totals td.num, .totals th.num { white-space: nowrap; }
  .totals tr.month { cursor: pointer; } .totals tr.month:hover, .totals tr.selected { background: var(--hover); }
  table.sessions tr.row { cursor: pointer; } table.sessions tr.row:hover { background: var(--hover); }
  table.sessions tr.open { background: var(--hover); }
  table.sessions td { overflow-wrap: anywhere; }
  tr.chart-row > td { background: var(--bg); padding: 10px; }
  .session-facts { display: flex; flex-wrap: wrap; gap: 4px 18px; margin-bottom: 6px; }
  .scroll { overflow-x: auto; }
  @media (max-width: 700px) {
    table.sessions thead { display: none; }
    table.sessions, table.sessions tbody { display: block; }
    table.sessions tr.row { display: grid; grid-template-columns: 1fr 1fr; gap: 2px 10px; padding: 8px 2px; border-bottom: 1px solid var(--border); }
    table.sessions tr.row td { border: none; padding: 0; }
    table.sessions tr.row td::before { content: attr(data-label); display: block; font-size: 11px; color: var(--muted); }
    table.sessions tr.row td.num { text-align: left; }
    tr.chart-row { display: block; } tr.chart-row > td { display: block; }
  }
`;

export const SESSIONS_SCRIPT = `
${COMMON_SCRIPT}
${CHART_SCRIPT}
  const params = new URLSearchParams(location.search);
  const chargerSelect = document.getElementById('charger');
  const monthSelect = document.getElementById('month');
  let sessions = [];

  function startOf(s) { return toDate(s.started_at || s.stopped_at); }
  function monthKey(d) { return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0'); }
  function monthLabel(key) { const [y, m] = key.split('-').map(Number); return new Date(y, m - 1, 1).toLocaleDateString([], { month: 'long', year: 'numeric' }); }
  function monthRange(key) { const [y, m] = key.split('-').map(Number); return [new Date(y, m - 1, 1), new Date(y, m, 1)]; }
  function sum(list, field) { const values = list.map((s) => s[field]).filter((v) => v !== null && v !== undefined); return values.length ? values.reduce((a, b) => a + b, 0) : null; }
  function money(v) { return v === null || v === undefined ? '–' : Number(v).toFixed(2); }
  function kwh(v) { return v === null || v === undefined ? '–' : Number(v).toFixed(2) + ' kWh'; }

  function fillSelect(select, values, label, current) {
    const options = [el('option', { value: '' }, label), ...values.map(([value, text]) => el('option', { value }, text))];
    select.replaceChildren(...options);
    select.value = values.some(([value]) => value === current) ? current : '';
  }
  function render() {
    const charger = chargerSelect.value;
    const byCharger = sessions.filter((s) => !charger || s.charger === charger);
    const months = [...new Set(byCharger.map(startOf).filter(Boolean).map(monthKey))].sort().reverse();
    if (monthSelect.value && !months.includes(monthSelect.value)) monthSelect.value = '';
    const month = monthSelect.value;
    fillSelect(monthSelect, months.map((m) => [m, monthLabel(m)]), 'All months', month);
    const shown = byCharger.filter((s) => { const d = startOf(s); return !month || (d && monthKey(d) === month); });
    const query = new URLSearchParams();
    if (charger) query.set('charger', charger);
    if (month) { const [from, to] = monthRange(month); query.set('since', from.toISOString()); query.set('until', to.toISOString()); }
    document.getElementById('csv').setAttribute('href', 'sessions.csv' + (query.toString() ? '?' + query : ''));
    const page = new URLSearchParams();
    if (charger) page.set('charger', charger);
    if (month) page.set('month', month);
    history.replaceState(null, '', location.pathname + (page.toString() ? '?' + page : ''));

    const totals = months.map((m) => { const list = byCharger.filter((s) => { const d = startOf(s); return d && monthKey(d) === m; }); return [m, list]; });
    document.getElementById('totals').replaceChildren(totals.length ? el('table', { class: 'totals' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Month'), el('th', { class: 'num' }, 'Sessions'), el('th', { class: 'num' }, 'Energy'), el('th', { class: 'num' }, 'Revenue'))),
      el('tbody', {}, ...totals.map(([m, list]) => el('tr', { class: 'month' + (m === month ? ' selected' : ''), 'data-month': m, onclick: () => { monthSelect.value = m === month ? '' : m; render(); } },
        el('td', {}, monthLabel(m)), el('td', { class: 'num' }, String(list.length)), el('td', { class: 'num' }, kwh(sum(list, 'energy_kwh'))), el('td', { class: 'num' }, money(sum(list, 'revenue'))))))) :
      el('div', { class: 'muted' }, 'No sessions yet.'));

    const newest = shown.slice().sort((a, b) => (startOf(b) || 0) - (startOf(a) || 0));
    const limited = newest.slice(0, 500);
    const table = el('table', { class: 'sessions' },
      el('thead', {}, el('tr', {}, ...['Started', 'Ended', 'Duration', 'Charger', 'Tag', 'Energy', 'Owner', 'Revenue', 'Stop reason'].map((h, i) => el('th', { class: [5, 7].includes(i) ? 'num' : undefined }, h)))),
      el('tbody', {}, ...limited.map(sessionRow)));
    document.getElementById('list').replaceChildren(limited.length ? table : el('div', { class: 'empty' }, 'No sessions for this choice.'),
      newest.length > limited.length ? el('div', { class: 'muted small' }, 'The latest 500 of ' + newest.length + ' are shown; pick a month for the others.') : '');
    document.getElementById('summary').textContent = shown.length + ' session' + (shown.length === 1 ? '' : 's') + ' · ' + kwh(sum(shown, 'energy_kwh')) + (sum(shown, 'revenue') !== null ? ' · revenue ' + money(sum(shown, 'revenue')) : '');
  }
  function sessionRow(s) {
    const start = toDate(s.started_at), stop = toDate(s.stopped_at);
    const tr = el('tr', { class: 'row', 'data-session': String(s.id), tabindex: '0' },
      el('td', { 'data-label': 'Started' }, start ? timeEl(start, start.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })) : '–'),
      el('td', { 'data-label': 'Ended' }, stop ? timeEl(stop, start && sameDay(start, stop) ? fmtClock(stop) : stop.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })) : el('span', { class: 'pill ok' }, 'running')),
      el('td', { 'data-label': 'Duration' }, start && stop ? fmtDuration(stop - start) : start ? fmtDuration(Date.now() - start) : '–'),
      el('td', { 'data-label': 'Charger' }, s.charger),
      el('td', { 'data-label': 'Tag' }, s.id_tag || '–'),
      el('td', { 'data-label': 'Energy', class: 'num' }, kwh(s.energy_kwh)),
      el('td', { 'data-label': 'Owner' }, s.owner),
      el('td', { 'data-label': 'Revenue', class: 'num' }, money(s.revenue)),
      el('td', { 'data-label': 'Stop reason' }, s.stop_reason || ''));
    const toggle = () => {
      const next = tr.nextSibling;
      if (next && next.classList.contains('chart-row')) { next.remove(); tr.classList.remove('open'); return; }
      tr.classList.add('open');
      const cell = el('td', { colspan: '9' }, el('div', { class: 'muted' }, 'loading the chart…'));
      tr.after(el('tr', { class: 'chart-row', 'data-chart-for': String(s.id) }, cell));
      getJson('api/sessions/' + s.id + '/series').then((data) => {
        const facts = el('div', { class: 'session-facts small' },
          el('span', {}, 'Transaction ' + s.charger_tx), el('span', {}, 'Meter ' + (s.meter_start === null ? '–' : fmtEnergy(s.meter_start)) + ' → ' + (s.meter_stop === null ? '–' : fmtEnergy(s.meter_stop))),
          Object.keys(s.upstream_tx || {}).length ? el('span', {}, 'Backend ids: ' + Object.entries(s.upstream_tx).map(([k, v]) => k + ' ' + v).join(', ')) : null,
          el('span', { class: 'muted' }, data.points.length + ' meter samples kept'));
        cell.replaceChildren(facts, sessionCharts(data, { height: 220, empty: 'The proxy kept no meter values for this session (the charger sent none, or it ran before this version).' }));
      }).catch((error) => cell.replaceChildren(el('div', { class: 'bad' }, 'Chart not available: ' + error.message)));
    };
    tr.addEventListener('click', toggle);
    tr.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); toggle(); } });
    return tr;
  }

  document.getElementById('zone').textContent = 'Times are local: ' + ZONE_LABEL + '.';
  chargerSelect.addEventListener('change', render);
  monthSelect.addEventListener('change', render);
  Promise.all([getJson('api/sessions'), getJson('api/chargers').catch(() => ({ chargers: [] })), getJson('api/status').catch(() => ({}))]).then(([data, chargers, status]) => {
    showWarnings(status.warnings);
    sessions = data.sessions || [];
    const ids = [...new Set(sessions.map((s) => s.charger).concat((chargers.chargers || []).filter((c) => c.last_seen !== null).map((c) => c.id)))].sort();
    fillSelect(chargerSelect, ids.map((id) => [id, id]), 'All chargers', params.get('charger') || '');
    monthSelect.replaceChildren(el('option', { value: params.get('month') || '' }, ''));
    monthSelect.value = params.get('month') || '';
    render();
    const wanted = params.get('session');
    const row = wanted && document.querySelector('tr.row[data-session="' + CSS.escape(wanted) + '"]');
    if (row) row.click();
  }).catch((error) => {
    document.getElementById('list').replaceChildren(el('div', { class: 'bad' }, 'Sessions not available: ' + error.message));
  });
`;

export const SESSIONS_HTML = `<!doctype html>
<html lang="en"><head>${head('Sessions', STYLE + SESSIONS_STYLE)}</head>
<body>
${header('sessions')}
<main>
<section class="block">
  <div class="filters-row">
    <label>Charger <select id="charger" aria-label="charger"></select></label>
    <label>Month <select id="month" aria-label="month"></select></label>
    <a id="csv" href="sessions.csv" download>Download CSV</a>
    <span id="summary" class="muted"></span>
  </div>
</section>
<section class="block"><h2>Totals per month</h2><div id="totals" class="scroll muted">…</div></section>
<section class="block"><h2>Sessions</h2><div id="list">…</div><p class="muted small">Click a session for its power, energy and per-phase current.</p></section>
<p class="muted small" id="zone"></p>
</main>
<script>${SESSIONS_SCRIPT}</script></body></html>`;
