// A path-prefix-stripping HTTP proxy on loopback that behaves like Home Assistant's ingress:
// `/api/hassio_ingress/TOKEN/xyz?q` is forwarded to the target as `/xyz?q` with the browser's
// headers (Host included, as Home Assistant and its Supervisor pass it on), plus
// `X-Ingress-Path: /api/hassio_ingress/TOKEN`, `X-Forwarded-For`, `-Host` and `-Proto`; responses
// (Server-Sent Events too) are streamed back as they come. `PREFIX` without the trailing slash is
// forwarded as `/`, as a generic reverse proxy would. Anything else is 404 here.

import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

export interface IngressProxy {
  port: number;
  /** `/api/hassio_ingress/TOKEN` (no trailing slash). */
  prefix: string;
  /** `http://127.0.0.1:PORT/api/hassio_ingress/TOKEN/` + path. */
  url(path?: string): string;
  /** Every path the target was asked for, in order. */
  forwarded: string[];
  close(): Promise<void>;
}

/** `localAddress`: the address the proxy's requests come from (the Supervisor's, in the add-on). */
export async function startIngressProxy(targetPort: number, token = 'c0ffee0123456789', localAddress = '127.0.0.1'): Promise<IngressProxy> {
  const prefix = `/api/hassio_ingress/${token}`;
  const forwarded: string[] = [];
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const raw = incoming.url ?? '/';
    if (raw !== prefix && !raw.startsWith(`${prefix}/`) && !raw.startsWith(`${prefix}?`)) {
      outgoing.writeHead(404, { 'Content-Type': 'text/plain' });
      outgoing.end('not an ingress path\n');
      return;
    }
    const rest = raw.slice(prefix.length);
    const path = rest.startsWith('/') ? rest : `/${rest}`;
    forwarded.push(path);
    const headers = { ...incoming.headers };
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    const forwardFor = incoming.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = `${forwardFor === undefined ? '' : `${String(forwardFor)}, `}${incoming.socket.remoteAddress ?? ''}`;
    headers['x-forwarded-host'] ??= incoming.headers.host ?? '';
    headers['x-forwarded-proto'] ??= 'http';
    headers['x-ingress-path'] = prefix;
    const upstream = request({ host: '127.0.0.1', port: targetPort, method: incoming.method, path, headers, localAddress, agent: false }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      outgoing.flushHeaders();
      answer.pipe(outgoing);
    });
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'Content-Type': 'text/plain' });
      outgoing.end('bad gateway\n');
    });
    outgoing.on('close', () => upstream.destroy());
    incoming.pipe(upstream);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    port,
    prefix,
    forwarded,
    url: (path = '') => `http://127.0.0.1:${port}${prefix}/${path}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
