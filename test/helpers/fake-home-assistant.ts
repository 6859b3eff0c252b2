// A fake Home Assistant on loopback (node:http): entity states read through its REST API, and
// the persistent notifications the proxy creates, with its bearer token checked.

import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeHomeAssistant {
  url: string;
  /** Entity id → state; change it to change what the proxy reads. */
  states: Map<string, string>;
  notifications: Array<{ title: string; message: string }>;
  close(): Promise<void>;
}

export async function startFakeHomeAssistant(token: string): Promise<FakeHomeAssistant> {
  const states = new Map<string, string>();
  const notifications: Array<{ title: string; message: string }> = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401).end();
      return;
    }
    const entity = req.method === 'GET' && req.url?.startsWith('/api/states/') ? decodeURIComponent(req.url.slice('/api/states/'.length)) : null;
    if (entity !== null && states.has(entity)) {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ entity_id: entity, state: states.get(entity) }));
      return;
    }
    if (req.method === 'POST' && req.url === '/api/services/persistent_notification/create') {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        notifications.push(JSON.parse(body));
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('[]');
      });
      return;
    }
    res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    states,
    notifications,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
