// The real parts the scale-out tests stand on (issue 23): a PostgreSQL cluster and an HAProxy of
// the test's own, on loopback, started and stopped by the test. Skipped with the reason where
// Debian's packages are not installed (.ci/run installs them).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { WebSocketServer, WebSocket } from 'ws';
import { once } from 'node:events';
import { cleanupAfter, within } from '../helpers/peers.ts';
import { postgresMissing, startPostgres } from '../helpers/postgres.ts';
import { haproxyMissing, startHaproxy } from '../helpers/haproxy.ts';

const cleanups = cleanupAfter();

test('PostgreSQL: a cluster on a loopback port takes connections, and comes back after a stop', { skip: postgresMissing() ?? false }, async () => {
  const server = await startPostgres();
  cleanups.push(() => server.stop());
  const query = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  };
  assert.deepEqual(await query('SELECT 1 AS one'), [{ one: 1 }]);
  await query('CREATE TABLE t (x int)');
  await query('INSERT INTO t VALUES (42)');
  await server.stop();
  await assert.rejects(query('SELECT 1'), /ECONNREFUSED|connect/);
  await server.start();
  assert.deepEqual(await query('SELECT x FROM t'), [{ x: 42 }], 'the data outlives a restart');
});

test('HAProxy: WebSocket upgrades pass, and one charger path always reaches the same instance', { skip: haproxyMissing() ?? false }, async () => {
  const instances = await Promise.all(
    ['a', 'b'].map(async (name) => {
      const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
      await once(wss, 'listening');
      wss.on('connection', (ws, request) => ws.send(`${name} ${request.url}`));
      cleanups.push(() => new Promise((resolve) => wss.close(resolve)));
      return { name, port: (wss.address() as { port: number }).port };
    }),
  );
  const balancer = await startHaproxy(instances);
  cleanups.push(() => balancer.stop());
  const hello = async (path: string) => {
    const ws = new WebSocket(`${balancer.url}${path}`);
    const [data] = (await within(once(ws, 'message'), `the greeting through HAProxy for ${path}`)) as [Buffer];
    ws.terminate();
    return data.toString();
  };
  const seen = new Set<string>();
  for (let i = 0; i < 20; i++) {
    const first = await hello(`/CP${i}`);
    assert.equal(await hello(`/CP${i}`), first, 'the same path, the same instance');
    assert.match(first, new RegExp(`^[ab] /CP${i}$`));
    seen.add(first[0]!);
  }
  assert.deepEqual([...seen].sort(), ['a', 'b'], 'paths are spread over both instances');
});
