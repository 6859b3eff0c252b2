// Browser-side time charts, drawn as SVG by hand (no library, no CDN): power and energy of a
// session, the current per phase. Redrawn to the container's width (phones, resizing), with a
// readout of the values under the pointer.

export const CHART_SCRIPT = `
  function niceStep(range, count) {
    const raw = range / Math.max(1, count);
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
    return step || power * 10;
  }
  const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((m) => m * 60000);

  /**
   * series: [{ label, color, axis: 'left' | 'right', unit, format(v), values: [[t, v], ...], area }]
   * Returns a div.chart; it draws itself once it has a width and again when that changes.
   */
  function timeChart(series, options) {
    const height = (options && options.height) || 200;
    const box = el('div', { class: 'chart', 'data-chart': (options && options.name) || '' });
    const tip = el('div', { class: 'chart-tip', 'aria-live': 'polite' }, '');
    const legend = el('div', { class: 'legend' }, ...series.map((s) => { const item = el('span', {}, s.label + (s.unit ? ' (' + s.unit + ')' : '')); item.style.setProperty('--swatch', s.color); return item; }));
    const holder = el('div', {});
    box.append(holder, legend, tip);
    const all = series.flatMap((s) => s.values.filter((p) => p[1] !== null && p[1] !== undefined && Number.isFinite(p[1])));
    if (all.length === 0) { holder.append(el('div', { class: 'empty small' }, (options && options.empty) || 'no meter values yet')); return box; }
    let drawnWidth = 0;
    const draw = (width) => {
      if (width < 50 || Math.abs(width - drawnWidth) < 2) return;
      drawnWidth = width;
      const right = series.some((s) => s.axis === 'right');
      const m = { left: 46, right: right || (options && options.alignRight) ? 52 : 14, top: 22, bottom: 24 };
      const w = width - m.left - m.right;
      const h = height - m.top - m.bottom;
      let t0 = Math.min(...all.map((p) => p[0])), t1 = Math.max(...all.map((p) => p[0]));
      if (t1 - t0 < 60000) { t0 -= 30000; t1 += 30000; }
      const x = (t) => m.left + ((t - t0) / (t1 - t0)) * w;
      const axes = {};
      for (const side of ['left', 'right']) {
        const values = series.filter((s) => (s.axis || 'left') === side).flatMap((s) => s.values.map((p) => p[1]).filter((v) => v !== null && v !== undefined && Number.isFinite(v)));
        if (values.length === 0) continue;
        const max = Math.max(0, ...values), min = Math.min(0, ...values);
        const step = niceStep((max - min) || 1, 4);
        const top = Math.ceil(max / step) * step || step, bottom = Math.floor(min / step) * step;
        axes[side] = { step, top, bottom, y: (v) => m.top + h - ((v - bottom) / (top - bottom)) * h };
      }
      const svg = svgEl('svg', { viewBox: '0 0 ' + width + ' ' + height, width, height, role: 'img', 'aria-label': series.map((s) => s.label).join(', ') });
      const left = axes.left || axes.right;
      for (let v = left.bottom; v <= left.top + left.step / 2; v += left.step) {
        const y = left.y(v);
        svg.append(svgEl('line', { class: 'grid', x1: m.left, x2: m.left + w, y1: y, y2: y }));
        svg.append(svgEl('text', { x: m.left - 6, y: y + 4, 'text-anchor': 'end' }, String(+v.toFixed(2))));
      }
      if (axes.left && axes.right) {
        for (let v = axes.right.bottom; v <= axes.right.top + axes.right.step / 2; v += axes.right.step) {
          svg.append(svgEl('text', { x: m.left + w + 6, y: axes.right.y(v) + 4 }, String(+v.toFixed(2))));
        }
      }
      const unitOf = (side) => { const s = series.find((s) => (s.axis || 'left') === side); return s ? s.unit : ''; };
      if (axes.left) svg.append(svgEl('text', { x: m.left - 6, y: m.top - 12, 'text-anchor': 'end' }, unitOf('left')));
      if (axes.left && axes.right) svg.append(svgEl('text', { x: m.left + w + 6, y: m.top - 12 }, unitOf('right')));
      const step = TIME_STEPS.find((s) => (t1 - t0) / s <= Math.max(2, w / 90)) || TIME_STEPS[TIME_STEPS.length - 1];
      const multiDay = !sameDay(new Date(t0), new Date(t1));
      for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
        const label = multiDay && step >= 86400000 ? new Date(t).toLocaleDateString([], { day: 'numeric', month: 'short' }) : fmtClock(t);
        svg.append(svgEl('text', { x: x(t), y: height - 6, 'text-anchor': 'middle' }, label));
      }
      for (const s of series) {
        const axis = axes[s.axis || 'left'];
        let d = '', open = false, first = null, last = null;
        for (const [t, v] of s.values) {
          if (v === null || v === undefined || !Number.isFinite(v)) { open = false; continue; }
          d += (open ? 'L' : 'M') + x(t).toFixed(1) + ' ' + axis.y(v).toFixed(1);
          open = true; if (first === null) first = t; last = t;
        }
        if (s.area && first !== null) {
          svg.append(svgEl('path', { d: d + 'L' + x(last).toFixed(1) + ' ' + axis.y(0) + 'L' + x(first).toFixed(1) + ' ' + axis.y(0) + 'Z', fill: s.color, 'fill-opacity': '0.15', stroke: 'none' }));
        }
        svg.append(svgEl('path', { d, fill: 'none', stroke: s.color, 'stroke-width': '2', 'stroke-linejoin': 'round', 'data-series': s.label }));
      }
      const cursor = svgEl('line', { class: 'cursor', y1: m.top, y2: m.top + h, visibility: 'hidden' });
      const overlay = svgEl('rect', { x: m.left, y: m.top, width: w, height: h, fill: 'transparent' });
      const times = [...new Set(all.map((p) => p[0]))].sort((a, b) => a - b);
      const readout = (event) => {
        const bounds = svg.getBoundingClientRect();
        const t = t0 + ((event.clientX - bounds.left) * (width / bounds.width) - m.left) / w * (t1 - t0);
        let nearest = times[0];
        for (const time of times) if (Math.abs(time - t) < Math.abs(nearest - t)) nearest = time;
        cursor.setAttribute('x1', x(nearest)); cursor.setAttribute('x2', x(nearest)); cursor.setAttribute('visibility', 'visible');
        const parts = series.map((s) => { const p = s.values.find((p) => p[0] === nearest); return p && p[1] !== null && p[1] !== undefined ? s.label + ' ' + s.format(p[1]) : null; }).filter(Boolean);
        tip.textContent = fmtClock(nearest, true) + ' · ' + parts.join(' · ');
      };
      overlay.addEventListener('pointermove', readout);
      overlay.addEventListener('pointerdown', readout);
      overlay.addEventListener('pointerleave', () => { cursor.setAttribute('visibility', 'hidden'); tip.textContent = ''; });
      svg.append(cursor, overlay);
      holder.replaceChildren(svg);
    };
    new ResizeObserver((entries) => draw(Math.floor(entries[0].contentRect.width))).observe(holder);
    return box;
  }

  /** The power/energy chart and the per-phase current chart of a series from the API ({columns, points}). */
  function sessionCharts(data, options) {
    const points = (data && data.points) || [];
    const firstEnergy = points.map((p) => p[2]).find((v) => v !== null && v !== undefined);
    const energy = points.map((p) => [p[0], p[2] === null || p[2] === undefined || firstEnergy === undefined ? null : (p[2] - firstEnergy) / 1000]);
    const power = points.map((p) => [p[0], p[1] === null || p[1] === undefined ? null : p[1] / 1000]);
    const styles = getComputedStyle(document.documentElement);
    const color = (name) => styles.getPropertyValue(name).trim() || '#888';
    const wrap = el('div', { class: 'charts' },
      timeChart([
        { label: 'Power', unit: 'kW', axis: 'left', color: color('--c1'), area: true, values: power, format: (v) => v.toFixed(2) + ' kW' },
        { label: 'Energy', unit: 'kWh', axis: 'right', color: color('--c2'), values: energy, format: (v) => v.toFixed(2) + ' kWh' },
      ], { name: 'power', height: (options && options.height) || 200, empty: options && options.empty }));
    if (points.some((p) => [p[3], p[4], p[5]].some((v) => v !== null && v !== undefined))) {
      wrap.append(timeChart(['L1', 'L2', 'L3'].map((label, i) => ({ label: 'Current ' + label, unit: 'A', axis: 'left', color: color(['--c1', '--c4', '--c3'][i]), values: points.map((p) => [p[0], p[3 + i] === undefined ? null : p[3 + i]]), format: (v) => v.toFixed(1) + ' A' })),
        { name: 'phases', height: 130, alignRight: true }));
    }
    return wrap;
  }
`;
