// `npm run bench`: every figure measured in the same run as its baseline, reported as ratios,
// written to bench/results/<date>.json and .md. The proxy, the CSMSes and the load generators
// each run in their own process, on loopback only. `--quick` leaves out the 5,000-charger fleet;
// `--sequential` measures only the sequential figures.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { freePort, waitForPort } from './ports.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
/** `--fleets=5000` measures only those fleets (and skips the rest); `--ping=0` sets [host] ping_interval. */
const fleets = option('fleets') !== undefined ? option('fleets').split(',').map(Number) : quick ? [100, 1000] : [100, 1000, 5000];
const fleetsOnly = option('fleets') !== undefined;
/** `--sequential`: only the sequential figures (printed as JSON), for trying a change quickly. */
const sequentialOnly = process.argv.includes('--sequential');
const pingInterval = option('ping');
/** `--store`: only the state-store figures (SQLite against PostgreSQL), printed as JSON. */
const storeOnly = process.argv.includes('--store');
/** `--rounds=N`: interleaved rounds of the sequential figures (medians). */
const rounds = Number(option('rounds') ?? 5);
const work = mkdtempSync(join(tmpdir(), 'ocpp-proxy-bench-'));
const children = new Set();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs a command with a raised open-file limit (this process tree only). */
function run(command, args, options = {}) {
  const quoted = [command, ...args].map((a) => `'${String(a).replace(/'/g, "'\\''")}'`).join(' ');
  const child = spawn('sh', ['-c', `ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec ${quoted}`], { cwd: root, ...options });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function firstJson(child) {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

async function csms() {
  const child = run(process.execPath, ['bench/csms.mjs']);
  const { port } = await firstJson(child);
  return { url: `ws://127.0.0.1:${port}`, child };
}

async function proxy(primary, secondary, extraIni = '', webPort = 0) {
  const port = await freePort();
  const dir = mkdtempSync(join(work, 'proxy-'));
  // charger_rate = 0: one charger sending as fast as it can is what the sequential figures measure;
  // the default (256 KiB/s, about 1,000 small frames/s) would measure that limit instead.
  writeFileSync(join(dir, 'bench.ini'), `[logging]\nproxy = WARNING\nwebsockets.client = WARNING\nwebsockets.server = WARNING\n[host]\nwatchdog_interval = 0\ncharger_rate = 0\n${pingInterval === undefined ? '' : `ping_interval = ${pingInterval}\n`}${extraIni}`);
  const args = ['dist/ocpp-proxy.mjs', '-c', join(dir, 'bench.ini'), '--listen-host', '127.0.0.1', '--listen-port', port, '--primary', primary, '--web-port', String(webPort), '--log-file', join(dir, 'm.log'), '--state', join(dir, 's.db')];
  if (secondary) args.push('--secondary', secondary);
  const child = run(process.execPath, args);
  await waitForPort(port);
  return { url: `ws://127.0.0.1:${port}`, child, pid: child.pid, dir };
}

/** The minimal forwarder of bench/forwarder.mjs (the baseline of the sequential figures). */
async function forwarder(primary, secondary) {
  const dir = mkdtempSync(join(work, 'forwarder-'));
  const child = run(process.execPath, ['bench/forwarder.mjs', primary, secondary, join(dir, 'm.log')]);
  const { port } = await firstJson(child);
  return { url: `ws://127.0.0.1:${port}`, child };
}

async function load(mode, url, extra = []) {
  return firstJson(run(process.execPath, ['bench/load.mjs', mode, url, ...extra]));
}

/** bench/memory.mjs for these charger counts: RSS and heap per session after a full GC. */
function memory(counts, target) {
  return new Promise((resolve, reject) => {
    const child = run(process.execPath, ['bench/memory.mjs', `--chargers=${counts.join(',')}`, `--target=${target}`]);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('['));
      if (code === 0 && line) resolve(JSON.parse(line));
      else reject(new Error(`bench/memory.mjs exited ${code}: ${out}`));
    });
  });
}

/** Event-loop delay (p99, max) and GC pauses from the proxy's /metrics, in ms. */
function runtimeHealth(text) {
  const value = (pattern) => Number(pattern.exec(text)?.[1] ?? NaN);
  return {
    event_loop_p99_ms: +(value(/^ocpp_proxy_event_loop_delay_seconds\{quantile="0\.99"\} (\S+)$/m) * 1000).toFixed(2),
    event_loop_max_ms: +(value(/^ocpp_proxy_event_loop_delay_seconds\{quantile="1"\} (\S+)$/m) * 1000).toFixed(2),
    gc_pause_ms: +(value(/^ocpp_proxy_gc_pause_seconds_total (\S+)$/m) * 1000).toFixed(1),
    gc_pauses: value(/^ocpp_proxy_gc_pauses_total (\S+)$/m),
  };
}

/** CPU seconds and RSS of a process (Linux /proc). The proxy is the `exec`ed sh child. */
function usage(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const cpu = (Number(stat[11]) + Number(stat[12])) / 100;
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
  return { cpu, rss };
}

async function stop(child) {
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
}

async function startup(command, args) {
  const times = [];
  const a = await csms();
  for (let i = 0; i < 10; i++) {
    const port = await freePort();
    const dir = mkdtempSync(join(work, 'start-'));
    const started = performance.now();
    const child = run(command, [...args, '--listen-host', '127.0.0.1', '--listen-port', port, '--primary', a.url, '--web-port', '0', '--log-file', join(dir, 'm.log'), '--state', join(dir, 's.db')], { cwd: dir });
    for (;;) {
      const opened = await new Promise((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/START`, ['ocpp1.6']);
        ws.on('open', () => {
          ws.terminate();
          resolve(true);
        });
        ws.on('error', () => resolve(false));
      });
      if (opened) break;
      await sleep(2);
    }
    times.push(performance.now() - started);
    await stop(child);
  }
  await stop(a.child);
  times.sort((x, y) => x - y);
  return { median_ms: Math.round(times[5]), min_ms: Math.round(times[0]) };
}

/**
 * The same proxy (primary + secondary) on SQLite and on PostgreSQL (`[store] url`, a server of the
 * benchmark's own with its default durability: fsync, synchronous commit): sequential Heartbeats,
 * sequential StartTransaction/StopTransaction (each a durable write the charger's answer waits
 * for with PostgreSQL), and a fleet at 1 msg/s. Interleaved rounds, medians.
 */
async function storeFigures(a, b, chargers) {
  const { postgresMissing, startPostgres, freshDatabase } = await import('../test/helpers/postgres.ts');
  const missing = postgresMissing();
  if (missing !== null) return { skipped: missing };
  const server = await startPostgres({ durable: true });
  try {
    // postgres_async: the same with synchronous_commit off for the proxy's connections (a commit
    // returns before PostgreSQL's log is on disk: an instance that dies loses nothing, a database
    // server that crashes can lose its last fraction of a second).
    const engines = {
      sqlite: async () => '',
      postgres: async () => `[store]\nurl = ${await freshDatabase(server)}\ninstance = bench\n`,
      postgres_async: async () => `[store]\nurl = ${await freshDatabase(server)}?options=-c%20synchronous_commit%3Doff\ninstance = bench\n`,
    };
    const runs = {};
    for (let round = 0; round < 3; round++) {
      for (const [engine, ini] of Object.entries(engines)) {
        for (const call of ['heartbeat', 'tx']) {
          const px = await proxy(a.url, b.url, await ini());
          ((runs[engine] ??= {})[call] ??= []).push(await load('seq', px.url, [`call=${call}`, 'count=6000', 'warmup=600']));
          await stop(px.child);
        }
      }
    }
    const middle = (list) => [...list].sort((x, y) => x.calls_per_s - y.calls_per_s)[1];
    const out = { chargers, sequential: {}, fleet: {} };
    for (const engine of Object.keys(engines)) out.sequential[engine] = { heartbeat: middle(runs[engine].heartbeat), tx: middle(runs[engine].tx) };
    out.sequential.tx_ratio = +(out.sequential.postgres.tx.calls_per_s / out.sequential.sqlite.tx.calls_per_s).toFixed(2);
    out.sequential.tx_ratio_async = +(out.sequential.postgres_async.tx.calls_per_s / out.sequential.sqlite.tx.calls_per_s).toFixed(2);
    out.sequential.heartbeat_ratio = +(out.sequential.postgres.heartbeat.calls_per_s / out.sequential.sqlite.heartbeat.calls_per_s).toFixed(2);
    const direct = await load('fleet', a.url, [`chargers=${chargers}`, 'seconds=15']);
    for (const [engine, ini] of Object.entries(engines)) {
      if (engine === 'postgres_async') continue; // heartbeats write nothing: the same as postgres
      const px = await proxy(a.url, b.url, await ini());
      const connectStarted = performance.now();
      const fleet = await load('fleet', px.url, [`chargers=${chargers}`, 'seconds=15', 'settle=3000']);
      out.fleet[engine] = { added_p50_ms: +(fleet.p50_ms - direct.p50_ms).toFixed(3), added_p99_ms: +(fleet.p99_ms - direct.p99_ms).toFixed(3), run_s: +((performance.now() - connectStarted) / 1000).toFixed(1) };
      await stop(px.child);
    }
    return out;
  } finally {
    await server.stop();
  }
}

async function logWriter() {
  const { MessageLog } = await import('../src/log/message-log.ts');
  const { createLoggers } = await import('../src/log/console-log.ts');
  const path = join(work, 'writer.log');
  const log = new MessageLog(path, createLoggers({ proxy: 'ERROR', client: 'ERROR', server: 'ERROR' }, () => {}).proxy);
  await log.open();
  const lines = 200_000;
  const raw = '[2,"12345","MeterValues",{"connectorId":1,"transactionId":42,"meterValue":[{"timestamp":"2026-11-21T20:44:54.123Z","sampledValue":[{"value":"1234.5"}]}]}]';
  const started = performance.now();
  for (let i = 0; i < lines; i++) {
    log.write({ ts: '2026-11-21T20:44:54.123Z', charger: 'CP1', from: 'charger', to: 'primary', type: 'CALL', id: String(i), action: 'MeterValues', tags: [], raw });
    if (i % 5000 === 0) await new Promise((r) => setImmediate(r)); // let the stream drain, as traffic would
  }
  await log.close();
  const seconds = (performance.now() - started) / 1000;
  const written = readFileSync(path, 'utf8').split('\n').filter(Boolean).length;
  return { lines_per_s: Math.round(lines / seconds), written, lost: lines - written };
}

const results = { date: new Date().toISOString(), machine: { cpus: cpus().length, model: cpus()[0]?.model, memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version }, note: 'proxy, CSMSes and load generators are separate processes sharing these cores' };
try {
  const a = await csms();
  const b = await csms();
  let p;

  if (storeOnly) {
    results.store = await storeFigures(a, b, 1000);
    const stamp = results.date.slice(0, 10);
    writeFileSync(join(root, `bench/results/${stamp}-store.json`), `${JSON.stringify(results, null, 2)}\n`);
    const md = [`# State store benchmark ${stamp}`, '', `${results.machine.cpus} cores (${results.machine.model}), ${results.machine.memory_gb} GiB, Node ${results.machine.node}; ${results.note}.`, '', ...storeTable(results.store)].join('\n');
    writeFileSync(join(root, `bench/results/${stamp}-store.md`), md);
    console.log(md);
    process.exit(0);
  }
  if (fleetsOnly) {
    results.sequential = null;
  } else {
  // Interleaved rounds (direct, forwarder, proxy with a secondary, proxy alone), medians: what one
  // round gains from a warmer machine, the next gives back.
  const runs = { direct: [], forwarder: [], withSecondary: [], oneUpstream: [] };
  for (let round = 0; round < rounds; round++) {
    runs.direct.push(await load('seq', a.url));
    const f = await forwarder(a.url, b.url);
    runs.forwarder.push(await load('seq', f.url));
    await stop(f.child);
    p = await proxy(a.url, b.url);
    runs.withSecondary.push(await load('seq', p.url));
    await stop(p.child);
    p = await proxy(a.url);
    runs.oneUpstream.push(await load('seq', p.url));
    await stop(p.child);
  }
  const middle = (list) => [...list].sort((x, y) => x.calls_per_s - y.calls_per_s)[Math.floor(list.length / 2)];
  const direct = middle(runs.direct);
  const minimal = middle(runs.forwarder);
  const oneUpstream = middle(runs.oneUpstream);
  const withSecondary = middle(runs.withSecondary);
  results.sequential = {
    rounds,
    direct,
    forwarder: { ...minimal, ratio: +(minimal.calls_per_s / direct.calls_per_s).toFixed(2) },
    proxy_primary_only: { ...oneUpstream, ratio: +(oneUpstream.calls_per_s / direct.calls_per_s).toFixed(2) },
    proxy_with_secondary: { ...withSecondary, ratio: +(withSecondary.calls_per_s / direct.calls_per_s).toFixed(2), to_forwarder: +(withSecondary.calls_per_s / minimal.calls_per_s).toFixed(2) },
  };
  console.error(JSON.stringify(results.sequential));

  // Durable outbox writes on the hot path: the same MeterValues to a primary and a reporter, with
  // a transactionId (kept in the reporter's outbox until it answers) and without (not kept).
  // Alternating runs on fresh proxies; the median of three each.
  const reporterRun = async (call) => {
    const px = await proxy(a.url, null, `[upstream.ere]\nurl = ${b.url}\nrole = reporter\n`);
    const result = await load('seq', px.url, [`call=${call}`]);
    await stop(px.child);
    return result;
  };
  const kept = [];
  const notKept = [];
  for (let i = 0; i < 3; i++) {
    notKept.push(await reporterRun('meter-notx'));
    kept.push(await reporterRun('meter'));
  }
  const median = (runs) => runs.sort((x, y) => x.calls_per_s - y.calls_per_s)[1];
  const withOutbox = median(kept);
  const withoutOutbox = median(notKept);
  results.sequential.reporter_outbox = { without_outbox: withoutOutbox, with_outbox: withOutbox, ratio: +(withOutbox.calls_per_s / withoutOutbox.calls_per_s).toFixed(2) };
  console.error(JSON.stringify(results.sequential.reporter_outbox));
  }

  results.fleets = [];
  for (const chargers of sequentialOnly ? [] : fleets) {
    const seconds = chargers >= 5000 ? 20 : 15;
    const directFleet = await load('fleet', a.url, [`chargers=${chargers}`, `seconds=${seconds}`]);
    // The minimal forwarder under the same load: what any proxy on this machine pays for the hop.
    const f = await forwarder(a.url, b.url);
    const fBefore = usage(f.child.pid);
    const forwarderFleet = await load('fleet', f.url, [`chargers=${chargers}`, `seconds=${seconds}`, 'settle=3000']);
    const fAfter = usage(f.child.pid);
    await stop(f.child);
    // With the monitor on, as by default: /metrics gives the event-loop delay and the GC's pauses.
    const webPort = await freePort();
    p = await proxy(a.url, b.url, '', webPort);
    await sleep(300);
    const baseline = usage(p.pid);
    const measure = load('fleet', p.url, [`chargers=${chargers}`, `seconds=${seconds}`, 'settle=3000']);
    // CPU over the steady part: after connecting and settling.
    await sleep(chargers >= 1000 ? 6000 : 3500);
    const before = usage(p.pid);
    const t0 = performance.now();
    await sleep((seconds - 2) * 1000);
    const after = usage(p.pid);
    const cpuPercent = ((after.cpu - before.cpu) / ((performance.now() - t0) / 1000)) * 100;
    const viaProxy = await measure;
    const end = usage(p.pid);
    const health = await fetch(`http://127.0.0.1:${webPort}/metrics`).then((r) => r.text()).then(runtimeHealth, () => ({}));
    results.fleets.push({
      chargers,
      sockets_at_proxy: chargers * 3,
      direct_p50_ms: +directFleet.p50_ms.toFixed(3),
      direct_p99_ms: +directFleet.p99_ms.toFixed(3),
      proxy_p50_ms: +viaProxy.p50_ms.toFixed(3),
      proxy_p99_ms: +viaProxy.p99_ms.toFixed(3),
      added_p50_ms: +(viaProxy.p50_ms - directFleet.p50_ms).toFixed(3),
      added_p99_ms: +(viaProxy.p99_ms - directFleet.p99_ms).toFixed(3),
      forwarder_added_p50_ms: +(forwarderFleet.p50_ms - directFleet.p50_ms).toFixed(3),
      forwarder_added_p99_ms: +(forwarderFleet.p99_ms - directFleet.p99_ms).toFixed(3),
      proxy_cpu_seconds: +(end.cpu - baseline.cpu).toFixed(2),
      forwarder_cpu_seconds: +(fAfter.cpu - fBefore.cpu).toFixed(2),
      proxy_cpu_percent: +cpuPercent.toFixed(1),
      proxy_rss_mb: +(after.rss / 2 ** 20).toFixed(1),
      kb_per_session: +((after.rss - baseline.rss) / 1024 / chargers).toFixed(1),
      ...health,
    });
    console.error(JSON.stringify(results.fleets.at(-1)));
    await stop(p.child);
  }

  if (!fleetsOnly && !sequentialOnly) {
    results.store = await storeFigures(a, b, 1000);
    console.error(JSON.stringify(results.store));
    results.startup = {
      binary: await startup(join(root, 'dist/ocpp-proxy'), []),
      bundle_node: await startup(process.execPath, [join(root, 'dist/ocpp-proxy.mjs')]),
    };
    results.log_writer = await logWriter();
    // Memory per session after a settled GC (bench/memory.mjs), the forwarder measured the same way.
    results.memory = { proxy: await memory(fleets, 'proxy'), forwarder: await memory(fleets, 'forwarder') };
  }
  await stop(a.child);
  await stop(b.child);
} finally {
  for (const child of children) child.kill('SIGKILL');
}

if (fleetsOnly || sequentialOnly) {
  console.log(JSON.stringify(fleetsOnly ? results.fleets : results.sequential, null, 2));
  process.exit(0);
}
const s = results.sequential;
const md = [
  `# Benchmark ${results.date.slice(0, 10)}`,
  '',
  `${results.machine.cpus} cores (${results.machine.model}), ${results.machine.memory_gb} GiB, Node ${results.machine.node}; ${results.note}.`,
  '',
  `| sequential Heartbeat, one charger (median of ${s.rounds} rounds) | calls/s | p50 ms | p99 ms | ratio to direct |`,
  '|---|---|---|---|---|',
  `| direct to the CSMS | ${s.direct.calls_per_s} | ${s.direct.p50_ms.toFixed(3)} | ${s.direct.p99_ms.toFixed(3)} | 1.00 |`,
  `| minimal forwarder (bench/forwarder.mjs), primary + secondary | ${s.forwarder.calls_per_s} | ${s.forwarder.p50_ms.toFixed(3)} | ${s.forwarder.p99_ms.toFixed(3)} | ${s.forwarder.ratio} |`,
  `| through the proxy, primary only | ${s.proxy_primary_only.calls_per_s} | ${s.proxy_primary_only.p50_ms.toFixed(3)} | ${s.proxy_primary_only.p99_ms.toFixed(3)} | ${s.proxy_primary_only.ratio} |`,
  `| through the proxy, primary + secondary | ${s.proxy_with_secondary.calls_per_s} | ${s.proxy_with_secondary.p50_ms.toFixed(3)} | ${s.proxy_with_secondary.p99_ms.toFixed(3)} | ${s.proxy_with_secondary.ratio} |`,
  '',
  `ocpp-proxy ÷ minimal forwarder (primary + secondary, median of ${s.rounds} interleaved rounds): ${s.proxy_with_secondary.to_forwarder}`,
  '',
  '| sequential MeterValues, primary + reporter | calls/s | p50 ms | p99 ms | ratio |',
  '|---|---|---|---|---|',
  `| not a transaction's (no outbox write) | ${s.reporter_outbox.without_outbox.calls_per_s} | ${s.reporter_outbox.without_outbox.p50_ms.toFixed(3)} | ${s.reporter_outbox.without_outbox.p99_ms.toFixed(3)} | 1.00 |`,
  `| a transaction's (kept in the reporter's outbox until answered) | ${s.reporter_outbox.with_outbox.calls_per_s} | ${s.reporter_outbox.with_outbox.p50_ms.toFixed(3)} | ${s.reporter_outbox.with_outbox.p99_ms.toFixed(3)} | ${s.reporter_outbox.ratio} |`,
  '',
  '| chargers at 1 msg/s (primary + secondary, monitor on) | added p50 ms | added p99 ms | forwarder added p50 / p99 ms | proxy CPU % | CPU s proxy / forwarder | proxy RSS MB | event loop p99 / max ms | GC pauses (ms in total) |',
  '|---|---|---|---|---|---|---|---|---|',
  ...results.fleets.map((f) => `| ${f.chargers} (${f.sockets_at_proxy} sockets) | ${f.added_p50_ms} | ${f.added_p99_ms} | ${f.forwarder_added_p50_ms} / ${f.forwarder_added_p99_ms} | ${f.proxy_cpu_percent} | ${f.proxy_cpu_seconds} / ${f.forwarder_cpu_seconds} | ${f.proxy_rss_mb} | ${f.event_loop_p99_ms} / ${f.event_loop_max_ms} | ${f.gc_pauses} (${f.gc_pause_ms}) |`),
  '',
  '| memory per charger session, after a full GC (3 sockets each) | proxy RSS MB | KB RSS per session | KB heap per session | forwarder KB RSS per session | forwarder KB heap per session |',
  '|---|---|---|---|---|---|',
  ...results.memory.proxy.map((m, i) => `| ${m.chargers} chargers | ${m.rss_mb} | ${m.kb_per_session} | ${m.heap_kb_per_session} | ${results.memory.forwarder[i].kb_per_session} | ${results.memory.forwarder[i].heap_kb_per_session} |`),
  '',
  ...storeTable(results.store),
  `Startup to the first accepted charger (median of 10): binary ${results.startup.binary.median_ms} ms, bundle on Node ${results.startup.bundle_node.median_ms} ms.`,
  '',
  `Message log writer: ${results.log_writer.lines_per_s} lines/s to disk, ${results.log_writer.lost} of ${results.log_writer.written + results.log_writer.lost} lines lost.`,
  '',
].join('\n');
function storeTable(store) {
  if (store.skipped !== undefined) return [`State store figures skipped: ${store.skipped}.`, ''];
  const row = (label, r) => `| ${label} | ${r.calls_per_s} | ${r.p50_ms.toFixed(3)} | ${r.p99_ms.toFixed(3)} |`;
  const { sqlite, postgres, postgres_async: postgresAsync } = store.sequential;
  return [
    '| state store (primary + secondary; PostgreSQL on loopback with fsync and synchronous commit) | calls/s | p50 ms | p99 ms |',
    '|---|---|---|---|',
    row('SQLite, sequential Heartbeat', sqlite.heartbeat),
    row('PostgreSQL, sequential Heartbeat', postgres.heartbeat),
    row('SQLite, sequential Start/StopTransaction', sqlite.tx),
    row('PostgreSQL, sequential Start/StopTransaction (answer after commit)', postgres.tx),
    row('PostgreSQL with synchronous_commit = off, sequential Start/StopTransaction', postgresAsync.tx),
    '',
    `PostgreSQL ÷ SQLite: Heartbeat ${store.sequential.heartbeat_ratio}, Start/StopTransaction ${store.sequential.tx_ratio} (${store.sequential.tx_ratio_async} with synchronous_commit = off). ` +
      `${store.chargers} chargers at 1 msg/s, added p50 / p99 ms: SQLite ${store.fleet.sqlite.added_p50_ms} / ${store.fleet.sqlite.added_p99_ms}, PostgreSQL ${store.fleet.postgres.added_p50_ms} / ${store.fleet.postgres.added_p99_ms}.`,
    '',
  ];
}

const stamp = results.date.slice(0, 10);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, `bench/results/${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(root, `bench/results/${stamp}.md`), md);
console.log(md);
process.exit(0);
