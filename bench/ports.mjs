// Loopback ports for the benchmark's processes: a free one to hand to a child, and waiting until
// a child listens on it.
import { createConnection, createServer } from 'node:net';

export function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once a TCP connection to 127.0.0.1:port succeeds (about 5 s at most). */
export async function waitForPort(port) {
  for (let i = 0; i < 500; i++) {
    const ok = await new Promise((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`nothing listens on ${port}`);
}
