// Memory per charger session: the bundle with a primary and a secondary, N chargers connected
// (each has booted and sent a Heartbeat, so all three sockets carried traffic), then RSS and the
// JavaScript heap read after a full garbage collection, asked for through the inspector (nothing
// in the proxy is built for this). KB per session = (RSS at N − RSS at 0) / N.
//
//   node bench/memory.mjs [--chargers=100,1000,5000] [--snapshot=DIR] [--target=forwarder]
//
// --target=forwarder measures bench/forwarder.mjs the same way (the floor: ws and net alone).
//
// --snapshot writes a heap snapshot at each N for Chrome DevTools' Memory tab. Prints one JSON
// line (bench/run.mjs runs it with the open-file limit raised).

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { freePort, waitForPort } from './ports.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function lineOf(child, pattern, stream = 'stdout') {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk) => {
      text += chunk;
      const match = pattern.exec(text);
      if (match) {
        child[stream].off('data', onData);
        resolve(match);
      }
    };
    child[stream].on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited (${code}) before printing ${pattern}: ${text.slice(-500)}`)));
  });
}

/** A Chrome DevTools Protocol session with a process started with --inspect. */
async function inspector(url) {
  const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 2 ** 30 });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let next = 1;
  const pending = new Map();
  const listeners = new Map();
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString());
    if (message.id !== undefined) pending.get(message.id)?.(message);
    else listeners.get(message.method)?.(message.params);
  });
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, (message) => (message.error ? reject(new Error(`${method}: ${message.error.message}`)) : resolve(message.result)));
      ws.send(JSON.stringify({ id, method, params }));
    });
  return { call, on: (method, listener) => listeners.set(method, listener), close: () => ws.close() };
}

async function settledUsage(devtools) {
  // Twice: finalizers and weak callbacks of the first collection free more in the second.
  await devtools.call('HeapProfiler.collectGarbage');
  await devtools.call('HeapProfiler.collectGarbage');
  const { result } = await devtools.call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())' });
  return JSON.parse(result.value);
}

async function snapshot(devtools, file) {
  const out = createWriteStream(file);
  devtools.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => out.write(chunk));
  await devtools.call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await new Promise((resolve) => out.end(resolve));
}

function start(command, args) {
  return spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function connectAll(url, count) {
  const sockets = [];
  for (let i = 0; i < count; i += 200) {
    const batch = Array.from({ length: Math.min(200, count - i) }, (_, k) => i + k);
    sockets.push(
      ...(await Promise.all(
        batch.map(
          (n) =>
            new Promise((resolve, reject) => {
              const ws = new WebSocket(`${url}/M${n}`, ['ocpp1.6'], { perMessageDeflate: false });
              ws.once('error', reject);
              ws.once('open', () => {
                ws.send('[2,"b","BootNotification",{"chargePointVendor":"Bench","chargePointModel":"M"}]');
                ws.on('message', (data) => {
                  if (data.toString().startsWith('[3,"b"')) ws.send('[2,"h","Heartbeat",{}]');
                  else resolve(ws);
                });
              });
            }),
        ),
      )),
    );
  }
  return sockets;
}

/** RSS and heap after a full GC with 0 and each N chargers connected; one proxy process per N. */
async function measureMemory(counts, snapshotDir = null, target = 'proxy') {
  const work = mkdtempSync(join(tmpdir(), 'ocpp-proxy-memory-'));
  const csmsA = start(process.execPath, ['bench/csms.mjs']);
  const csmsB = start(process.execPath, ['bench/csms.mjs']);
  const [a, b] = await Promise.all([lineOf(csmsA, /"port":(\d+)/), lineOf(csmsB, /"port":(\d+)/)]);
  const results = [];
  try {
    for (const chargers of counts) {
      const dir = mkdtempSync(join(work, 'proxy-'));
      writeFileSync(join(dir, 'm.ini'), '[logging]\nproxy = WARNING\nwebsockets.client = WARNING\nwebsockets.server = WARNING\n[host]\nwatchdog_interval = 0\n');
      const upstreams = [`ws://127.0.0.1:${a[1]}`, `ws://127.0.0.1:${b[1]}`];
      const proxyPort = target === 'forwarder' ? null : await freePort();
      const proxy =
        proxyPort === null
          ? start(process.execPath, ['--inspect=127.0.0.1:0', 'bench/forwarder.mjs', ...upstreams, join(dir, 'm.log')])
          : start(process.execPath, ['--inspect=127.0.0.1:0', 'dist/ocpp-proxy.mjs', '-c', join(dir, 'm.ini'), '--listen-host', '127.0.0.1', '--listen-port', String(proxyPort), '--primary', upstreams[0], '--secondary', upstreams[1], '--web-port', '0', '--log-file', join(dir, 'm.log'), '--state', join(dir, 's.db')]);
      const [, inspectUrl] = await lineOf(proxy, /Debugger listening on (ws:\S+)/, 'stderr');
      // The forwarder prints its port; the proxy was given one.
      const port = proxyPort === null ? (await lineOf(proxy, /"port":(\d+)/))[1] : (await waitForPort(proxyPort), proxyPort);
      const devtools = await inspector(inspectUrl);
      const idle = await settledUsage(devtools);
      const sockets = await connectAll(`ws://127.0.0.1:${port}`, chargers);
      const loaded = await settledUsage(devtools);
      if (snapshotDir !== null) await snapshot(devtools, join(snapshotDir, `${target}-${chargers}.heapsnapshot`));
      const perSession = (key) => +((loaded[key] - idle[key]) / 1024 / chargers).toFixed(1);
      results.push({ chargers, rss_mb: +(loaded.rss / 2 ** 20).toFixed(1), kb_per_session: perSession('rss'), heap_kb_per_session: perSession('heapUsed'), external_kb_per_session: perSession('external') });
      console.error(JSON.stringify(results.at(-1)));
      for (const ws of sockets) ws.terminate();
      devtools.close();
      proxy.kill('SIGTERM');
      await new Promise((resolve) => proxy.once('exit', resolve));
    }
  } finally {
    csmsA.kill('SIGTERM');
    csmsB.kill('SIGTERM');
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const option = (name) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const counts = (option('chargers') ?? '100,1000,5000').split(',').map(Number);
  const results = await measureMemory(counts, option('snapshot') ?? null, option('target') ?? 'proxy');
  console.log(JSON.stringify(results));
  process.exit(0);
}
