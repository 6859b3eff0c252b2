// `npm run soak [-- --chargers=1000 --minutes=3]`: chargers through the proxy (its own process)
// while the secondary CSMS is killed and restarted at random and chargers reconnect in storms.
// At the end: no charger Call lost to the primary, the proxy's open files back to the count it
// had with the same chargers, RSS flat within 10 % after the first minute.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { freePort } from './ports.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const CHARGERS = Number(args.chargers ?? 1000);
const MINUTES = Number(args.minutes ?? 3);
const work = mkdtempSync(join(tmpdir(), 'ocpp-proxy-soak-'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const children = new Set();

function run(script, argv) {
  const child = spawn('sh', ['-c', `ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec '${process.execPath}' ${[script, ...argv].map((a) => `'${a}'`).join(' ')}`], { cwd: root });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}
const firstJson = (child) => new Promise((resolve) => { let out = ''; child.stdout.on('data', (d) => { out += d; const line = out.split('\n').find((l) => l.startsWith('{')); if (line) resolve(JSON.parse(line)); }); });
const fds = (pid) => readdirSync(`/proc/${pid}/fd`).length;
/** Live timers, sockets and other handles in the proxy, from its /metrics. */
async function resources() {
  const text = await (await fetch(`http://127.0.0.1:${webPort}/metrics`)).text();
  return Object.fromEntries([...text.matchAll(/^ocpp_proxy_process_active_resources\{type="([^"]+)"\} (\d+)$/gm)].map((m) => [m[1], Number(m[2])]));
}
const rss = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

const primary = run('bench/csms.mjs', []);
const primaryUrl = `ws://127.0.0.1:${(await firstJson(primary)).port}`;
const secondaryPort = await freePort();
let secondary = null;
async function startSecondary() {
  // The benchmark CSMS picks its own port; a tiny wrapper keeps the secondary on a fixed one.
  secondary = spawn(process.execPath, ['-e', `const { WebSocketServer } = require('ws'); const w = new WebSocketServer({ host: '127.0.0.1', port: ${secondaryPort}, handleProtocols: () => 'ocpp1.6' }); w.on('connection', (ws) => ws.on('message', (d) => { const t = d.toString(); if (t[1] === '2') ws.send('[3,' + t.slice(3, t.indexOf(',', 3)) + ',{}]'); }));`], { cwd: root });
  children.add(secondary);
  await sleep(300);
}
await startSecondary();

const port = await freePort();
const webPort = await freePort();
writeFileSync(join(work, 'soak.ini'), '[logging]\nproxy = WARNING\nwebsockets.client = ERROR\nwebsockets.server = WARNING\n');
const proxy = run('dist/ocpp-proxy.mjs', ['-c', join(work, 'soak.ini'), '--listen-host', '127.0.0.1', '--listen-port', String(port), '--primary', primaryUrl, '--secondary', `ws://127.0.0.1:${secondaryPort}`, '--web-port', String(webPort), '--log-file', join(work, 'm.log'), '--state', join(work, 's.db')]);
await sleep(1000);

let sent = 0;
let answered = 0;
const lost = [];
function charger(i) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/SOAK${i}`, ['ocpp1.6'], { perMessageDeflate: false });
  const outstanding = new Set();
  let n = 0;
  let timer = null;
  ws.on('open', () => {
    timer = setInterval(() => {
      const id = `${i}-${n++}`;
      outstanding.add(id);
      sent++;
      ws.send(`[2,"${id}","Heartbeat",{}]`);
    }, 1000);
  });
  ws.on('message', (data) => {
    const id = JSON.parse(data.toString())[1];
    if (outstanding.delete(id)) answered++;
  });
  ws.on('error', () => undefined);
  return {
    close: async () => {
      clearInterval(timer);
      await sleep(1500); // answers still on the way
      lost.push(...outstanding);
      ws.terminate();
    },
  };
}

const fleet = [];
for (let i = 0; i < CHARGERS; i++) {
  fleet.push(charger(i));
  if (i % 100 === 99) await sleep(50);
}
await sleep(5000);
const startFds = fds(proxy.pid);
const startResources = await resources();
const samples = [];
const deadline = Date.now() + MINUTES * 60_000;
let kills = 0;
let storms = 0;
while (Date.now() < deadline) {
  await sleep(5000 + Math.random() * 10_000);
  if (Math.random() < 0.5) {
    secondary.kill('SIGKILL');
    kills++;
    await sleep(1000 + Math.random() * 3000);
    await startSecondary();
  } else {
    const start = Math.floor(Math.random() * (CHARGERS - 200));
    await Promise.all(fleet.slice(start, start + 200).map((c) => c.close()));
    for (let i = start; i < start + 200; i++) fleet[i] = charger(i);
    storms++;
  }
  samples.push({ at: Date.now(), rss_mb: rss(proxy.pid) });
}
await sleep(8000); // reconnects settle
const endFds = fds(proxy.pid);
const endResources = await resources();
await Promise.all(fleet.map((c) => c.close()));
const afterMinute = samples.filter((s) => s.at - samples[0].at >= 60_000 || MINUTES <= 1);
const first = afterMinute[0]?.rss_mb ?? samples[0].rss_mb;
const last = samples.at(-1).rss_mb;
const result = {
  chargers: CHARGERS, minutes: MINUTES, secondary_kills: kills, reconnect_storms: storms,
  calls_sent: sent, calls_answered: answered, calls_lost: lost.length,
  proxy_fds_start: startFds, proxy_fds_end: endFds,
  proxy_resources_start: startResources, proxy_resources_end: endResources,
  rss_mb_after_first_minute: +first.toFixed(1), rss_mb_end: +last.toFixed(1), rss_growth_percent: +(((last - first) / first) * 100).toFixed(1),
};
console.log(JSON.stringify(result, null, 2));
for (const child of children) child.kill('SIGKILL');
const near = (a = 0, b = 0) => Math.abs(a - b) <= Math.max(20, a * 0.01);
const clean = result.calls_lost === 0 && near(startFds, endFds) && near(startResources.Timeout, endResources.Timeout) &&
  near(startResources.TCPSocketWrap, endResources.TCPSocketWrap) && result.rss_growth_percent <= 10;
console.log(clean ? 'soak: clean' : 'soak: NOT clean');
process.exit(clean ? 0 : 1);
