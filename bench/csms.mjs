// Benchmark CSMS: a raw ws server on loopback that answers every Call at once. Prints its port.
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, handleProtocols: (p) => (p.has('ocpp1.6') ? 'ocpp1.6' : false) });
const answer = (id) => `[3,${id},{"currentTime":"2026-11-21T00:00:00.000Z"}]`;
// StartTransaction: the transaction id is the meterStart the load generator sent (each one new).
const started = (id, text) => `[3,${id},{"transactionId":${/"meterStart":(\d+)/.exec(text)?.[1] ?? 1},"idTagInfo":{"status":"Accepted"}}]`;
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const text = data.toString();
    if (text.charCodeAt(1) !== 50) return; // only Calls ("[2,")
    const end = text.indexOf(',', 3);
    ws.send(text.startsWith('"StartTransaction"', end + 1) ? started(text.slice(3, end), text) : answer(text.slice(3, end)));
  });
});
wss.on('listening', () => console.log(JSON.stringify({ port: wss.address().port })));
process.on('SIGTERM', () => process.exit(0));
