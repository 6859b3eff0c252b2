// The pages' style sheet: one set of colours as variables, dark when the system is dark, and a
// layout that fits a phone (375 px) without sideways scrolling.

export const STYLE = `
  :root { color-scheme: light dark;
    --bg: #f3f5f8; --card: #fff; --text: #1b2230; --muted: #667085; --border: #e1e5eb; --soft: #eef1f5;
    --accent: #1a66d6; --ok: #137333; --ok-bg: #e3f4e6; --warn: #9a5b00; --warn-bg: #fff3d6; --bad: #b3261e; --bad-bg: #fde7e5;
    --header: #17202e; --header-text: #f5f7fa; --link: #1a66d6; --hover: #eef3ff;
    --c1: #1a66d6; --c2: #1e8e3e; --c3: #d93025; --c4: #f29900; }
  @media (prefers-color-scheme: dark) { :root {
    --bg: #0f1217; --card: #181c23; --text: #e4e8ee; --muted: #98a2b3; --border: #2a303a; --soft: #222832;
    --accent: #7fb0ff; --ok: #7fd197; --ok-bg: #15301f; --warn: #f5c85a; --warn-bg: #35290c; --bad: #f4918a; --bad-bg: #3a1715;
    --header: #0a0c10; --header-text: #e4e8ee; --link: #8ab8ff; --hover: #1f2733;
    --c1: #7fb0ff; --c2: #7fd197; --c3: #f4918a; --c4: #f5c85a; } }
  * { box-sizing: border-box; }
  html { -webkit-text-size-adjust: 100%; }
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; background: var(--bg); color: var(--text); }
  a { color: var(--link); }
  header.top { display: flex; gap: 6px 14px; align-items: center; padding: 8px 14px; background: var(--header); color: var(--header-text); flex-wrap: wrap; }
  header.top .brand { display: flex; align-items: center; gap: 8px; font-weight: 700; font-size: 16px; margin-right: 6px; }
  header.top nav { display: flex; gap: 4px; flex-wrap: wrap; }
  header.top nav a { color: var(--header-text); text-decoration: none; padding: 4px 10px; border-radius: 6px; opacity: .8; }
  header.top nav a:hover { opacity: 1; background: rgba(255,255,255,.08); }
  header.top nav a[aria-current="page"] { opacity: 1; background: rgba(255,255,255,.14); }
  header.top .conn { margin-left: auto; font-size: 12px; opacity: .85; white-space: nowrap; }
  main { padding: 14px; max-width: 1500px; margin: 0 auto; }
  input, select, button, textarea { font: inherit; color: inherit; background: var(--card); border: 1px solid var(--border); border-radius: 6px; padding: 5px 8px; max-width: 100%; }
  button { cursor: pointer; background: var(--soft); }
  button:hover:not(:disabled) { border-color: var(--accent); }
  button:disabled { opacity: .55; cursor: progress; }
  button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
  @media (prefers-color-scheme: dark) { button.primary { color: #0f1217; } }
  button.danger { color: var(--bad); }
  table { border-collapse: collapse; width: 100%; }
  td, th { padding: 4px 8px; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
  th { font-weight: 600; color: var(--muted); font-size: 12px; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  .muted { color: var(--muted); } .small { font-size: 12px; }
  .ok { color: var(--ok); } .warn { color: var(--warn); } .bad { color: var(--bad); }
  .pill { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px; font-weight: 600; background: var(--soft); white-space: nowrap; }
  .pill.ok { background: var(--ok-bg); } .pill.warn { background: var(--warn-bg); } .pill.bad { background: var(--bad-bg); }
  .dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; background: var(--muted); margin-right: 5px; vertical-align: baseline; }
  .dot.ok { background: var(--ok); } .dot.warn { background: var(--warn); } .dot.bad { background: var(--bad); }
  pre { margin: 4px 0; white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); padding: 8px; border-radius: 6px; font-size: 12px; }
  .warnings { background: var(--warn-bg); color: var(--warn); border-bottom: 1px solid var(--border); padding: 6px 14px; }
  .warnings div::before { content: "⚠ "; }
  .panel-title, .card h3 { font-size: 12px; margin: 0 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
  section.block { background: var(--card); border: 1px solid var(--border); border-radius: 10px; padding: 12px 14px; margin-bottom: 14px; }
  section.block > h2 { font-size: 15px; margin: 0 0 8px; }
  .toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
  .toolbar label { display: flex; gap: 6px; align-items: center; }
  details > summary { cursor: pointer; color: var(--link); }
  .empty { padding: 18px; text-align: center; color: var(--muted); }
  /* charts */
  .chart { width: 100%; position: relative; }
  .chart svg { display: block; width: 100%; overflow: visible; }
  .chart .grid { stroke: var(--border); stroke-width: 1; }
  .chart text { fill: var(--muted); font-size: 11px; }
  .chart .cursor { stroke: var(--muted); stroke-dasharray: 3 3; }
  .legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; color: var(--muted); margin-top: 2px; }
  .legend span::before { content: ""; display: inline-block; width: 10px; height: 3px; margin-right: 5px; vertical-align: middle; background: var(--swatch); }
  .chart-tip { font-size: 12px; min-height: 1.45em; color: var(--text); font-variant-numeric: tabular-nums; }
  @media (max-width: 640px) { main { padding: 10px; } header.top { padding: 8px 10px; } }
`;
