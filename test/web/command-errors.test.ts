// A command's failure says what happened, as an HTTP status and a stable code: no answer in
// time → 504 ERR_CALL_TIMEOUT, too many waiting → 429 ERR_BUSY, not connected → 404.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootParams, cleanupAfter, iniFor, startCsms, startProxy, strictCharger, waitUntil } from '../helpers/peers.ts';
import { postCommand } from './http-client.ts';
import { MAX_WAITING_PROXY_CALLS } from '../../src/session/charger-session.ts';

const cleanups = cleanupAfter();

test('command errors map to 504, 429 and 404 with their codes', async () => {
  const primary = await startCsms({ protocols: ['ocpp1.6'] });
  const proxy = await startProxy(`${iniFor(primary.url)}[host]\ncall_timeout = 0.3\n`, {}, true);
  cleanups.push(() => primary.close(), () => proxy.close());
  const charger = strictCharger(proxy.port, 'SLOW', ['ocpp1.6']);
  cleanups.push(() => charger.close({ force: true }));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  charger.handle('Reset', async () => {
    await held; // never answers in time
    return { status: 'Accepted' };
  });
  await charger.connect();
  await charger.call('BootNotification', bootParams('ocpp1.6'));
  const web = proxy.daemon.webPort;
  const reset = { action: 'Reset', payload: { type: 'Soft' } };

  const waiting = Array.from({ length: MAX_WAITING_PROXY_CALLS + 1 }, () => postCommand(web, 'SLOW', reset));
  const session = proxy.daemon.server!.sessions.get('SLOW')!;
  await waitUntil(() => session.queuedCalls === MAX_WAITING_PROXY_CALLS + 1, 'one Reset out and 20 waiting');
  const busy = await postCommand(web, 'SLOW', reset);
  assert.equal(busy.status, 429);
  assert.equal(JSON.parse(busy.body).code, 'ERR_BUSY');
  const first = await waiting[0]!;
  assert.equal(first.status, 504);
  assert.equal(JSON.parse(first.body).code, 'ERR_CALL_TIMEOUT');
  release();
  await Promise.all(waiting);

  const gone = await postCommand(web, 'NOBODY', reset);
  assert.equal(gone.status, 404);
});
