// Benchmark load generator (its own process): `seq` — one charger, sequential Heartbeats
// (`call=meter`: MeterValues of a transaction, which go to every non-answering upstream's durable
// outbox; `call=meter-notx`: the same without a transactionId, which do not; `call=tx`:
// StartTransaction and StopTransaction in turn, each a new transaction (bench/csms.mjs answers
// with the meterStart as its id), each a write to the state store); `fleet` — N
// chargers, one Heartbeat per second each. Prints one JSON result line.
import { WebSocket } from 'ws';

const [mode, url, ...rest] = process.argv.slice(2);
const args = Object.fromEntries(rest.map((a) => a.split('=')));

function connect(id) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}/${id}`, ['ocpp1.6'], { perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

if (mode === 'seq') {
  const count = Number(args.count ?? 20000);
  const warmup = Number(args.warmup ?? 2000);
  const meter = (tx) => (n) => `[2,"${n}","MeterValues",{"connectorId":1,${tx}"meterValue":[{"timestamp":"2026-11-21T20:44:54.123Z","sampledValue":[{"value":"${n}"}]}]}]`;
  const tx = (n) =>
    n % 2 === 0
      ? `[2,"${n}","StartTransaction",{"connectorId":1,"idTag":"BENCH","meterStart":${n},"timestamp":"2026-11-21T20:44:54.123Z"}]`
      : `[2,"${n}","StopTransaction",{"transactionId":${n - 1},"meterStop":${n},"timestamp":"2026-11-21T20:44:55.123Z"}]`;
  const frame = { heartbeat: (n) => `[2,"${n}","Heartbeat",{}]`, meter: meter('"transactionId":1,'), 'meter-notx': meter(''), tx }[args.call ?? 'heartbeat'];
  const ws = await connect('SEQ1');
  const latencies = [];
  let n = 0;
  let sentAt = 0;
  let started = 0;
  await new Promise((resolve) => {
    ws.on('message', () => {
      const now = performance.now();
      if (n > warmup) latencies.push(now - sentAt);
      if (n === warmup) started = now;
      if (n === warmup + count) return resolve();
      n++;
      sentAt = performance.now();
      ws.send(frame(n));
    });
    sentAt = performance.now();
    ws.send(frame(0));
  });
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(JSON.stringify({ calls_per_s: Math.round(count / seconds), p50_ms: percentile(latencies, 50), p99_ms: percentile(latencies, 99) }));
  ws.terminate();
  process.exit(0);
}

if (mode === 'fleet') {
  const chargers = Number(args.chargers ?? 100);
  const seconds = Number(args.seconds ?? 10);
  const sockets = [];
  for (let i = 0; i < chargers; i += 200) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(200, chargers - i) }, (_, k) => connect(`F${i + k}`)))));
  }
  console.error(JSON.stringify({ connected: sockets.length }));
  await new Promise((r) => setTimeout(r, Number(args.settle ?? 1000)));
  const latencies = [];
  const timers = sockets.map((ws, i) => {
    let sentAt = 0;
    let n = 0;
    ws.on('message', () => latencies.push(performance.now() - sentAt));
    // Spread the chargers over the second so the load is even.
    return setTimeout(() => {
      const tick = () => {
        sentAt = performance.now();
        ws.send(`[2,"${n++}","Heartbeat",{}]`);
      };
      tick();
      timers[i] = setInterval(tick, 1000);
    }, (i / chargers) * 1000);
  });
  await new Promise((r) => setTimeout(r, seconds * 1000 + 1000));
  timers.forEach((t) => clearInterval(t));
  latencies.sort((a, b) => a - b);
  console.log(JSON.stringify({ chargers, samples: latencies.length, p50_ms: percentile(latencies, 50), p99_ms: percentile(latencies, 99) }));
  sockets.forEach((ws) => ws.terminate());
  process.exit(0);
}
