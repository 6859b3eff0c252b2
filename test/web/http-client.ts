// Plain HTTP requests to the web server for the tests: any Host/Origin header, any local
// loopback address (127.0.0.2 plays "another host on the LAN"), and raw bytes for requests
// node:http would refuse to send.

import { request } from 'node:http';
import { connect } from 'node:net';
import { within } from '../helpers/peers.ts';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The local address to connect from (default 127.0.0.1). */
  from?: string;
}

export function http(port: number, path: string, options: RequestOptions = {}): Promise<Reply> {
  return within(
    new Promise<Reply>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, localAddress: options.from ?? '127.0.0.1', agent: false },
        (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(options.body);
    }),
    `${options.method ?? 'GET'} ${path}`,
  );
}

/** A command as the dashboard sends it, from the server's own origin unless `headers` say otherwise. */
export function postCommand(port: number, charger: string, body: unknown, headers: Record<string, string> = {}, from?: string): Promise<Reply> {
  return http(port, `/api/chargers/${charger}/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}`, ...headers },
    body: JSON.stringify(body),
    ...(from === undefined ? {} : { from }),
  });
}

/**
 * Sends `head` (request line and headers, CRLF-separated, without the blank line) as raw bytes
 * and resolves with the status line of the answer; rejects if the server closes without one.
 */
export function rawRequest(port: number, head: string): Promise<{ statusLine: string; text: string }> {
  return within(
    new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port });
      let text = '';
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('latin1');
        const end = text.indexOf('\r\n\r\n');
        if (end === -1) return;
        const length = /\r\ncontent-length: (\d+)/i.exec(text.slice(0, end));
        if (length !== null && text.length < end + 4 + Number(length[1])) return;
        socket.destroy();
        resolve({ statusLine: text.slice(0, text.indexOf('\r\n')), text });
      });
      socket.on('error', reject);
      socket.on('close', () => reject(new Error(`the server closed without an answer to ${JSON.stringify(head.split('\r\n')[0])}`)));
      socket.write(`${head}\r\n\r\n`);
    }),
    `an answer to ${JSON.stringify(head.split('\r\n')[0])}`,
  );
}
