// Benchmark baseline (its own process): the least a two-way OCPP forwarder does. A charger
// connects to ws://127.0.0.1:PORT/ID; its frames go to the primary and the secondary (URL + /ID),
// the primary's go back to the charger, the secondary's are dropped, and each frame on each hop
// is one JSON line in the log. Nothing else: no parsing beyond the log line, no ids, no state.
// Usage: node bench/forwarder.mjs PRIMARY_URL SECONDARY_URL LOG_FILE; prints {"port":N}.
import { createWriteStream } from 'node:fs';
import { WebSocket, WebSocketServer } from 'ws';

const [primaryUrl, secondaryUrl, logFile] = process.argv.slice(2);
const log = createWriteStream(logFile, { flags: 'a' });
const line = (charger, from, to, raw) => log.write(`${JSON.stringify({ ts: new Date().toISOString(), charger, from, to, raw })}\n`);

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, handleProtocols: (offered) => [...offered][0] ?? false });
wss.on('connection', (charger, request) => {
  const id = request.url.slice(1);
  const protocol = charger.protocol;
  const open = (url) => new WebSocket(`${url}/${id}`, protocol ? [protocol] : [], { perMessageDeflate: false });
  const primary = open(primaryUrl);
  const secondary = secondaryUrl ? open(secondaryUrl) : null;
  const pending = [];
  let ready = 0;
  const need = secondary ? 2 : 1;
  const onOpen = () => {
    if (++ready === need) for (const data of pending.splice(0)) forward(data);
  };
  primary.on('open', onOpen);
  secondary?.on('open', onOpen);
  const forward = (data) => {
    const text = data.toString();
    primary.send(text);
    line(id, 'charger', 'primary', text);
    if (secondary) {
      secondary.send(text);
      line(id, 'charger', 'secondary', text);
    }
  };
  charger.on('message', (data) => (ready === need ? forward(data) : pending.push(data)));
  primary.on('message', (data) => {
    const text = data.toString();
    charger.send(text);
    line(id, 'primary', 'charger', text);
  });
  secondary?.on('message', (data) => line(id, 'secondary', 'proxy', data.toString()));
  const close = () => {
    charger.terminate();
    primary.terminate();
    secondary?.terminate();
  };
  charger.on('close', close);
  primary.on('close', close);
  charger.on('error', () => {});
  primary.on('error', () => {});
  secondary?.on('error', () => {});
});
wss.on('listening', () => console.log(JSON.stringify({ port: wss.address().port })));
process.on('SIGTERM', () => process.exit(0));
