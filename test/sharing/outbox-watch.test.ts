// The outbox alert watch on a real state file and a fake Home Assistant: said once when an
// upstream's oldest waiting entry passes outbox_alert, again only after it was taken.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Store } from '../../src/store/store.ts';
import { createLoggers } from '../../src/log/console-log.ts';
import { HomeAssistantBridge } from '../../src/sharing/home-assistant.ts';
import { OutboxWatch, outboxAlerts } from '../../src/sharing/outbox-watch.ts';
import { DEFAULTS } from '../../src/config/config.ts';
import { startFakeHomeAssistant } from '../helpers/fake-home-assistant.ts';
import { cleanupAfter, tempDir, waitUntil } from '../helpers/peers.ts';

const cleanups = cleanupAfter();
const turn = () => new Promise((resolve) => setImmediate(resolve));

test('outbox_alert: one warning and one notification per episode, a line when it is over', async () => {
  const ha = await startFakeHomeAssistant('t');
  cleanups.push(() => ha.close());
  const lines: string[] = [];
  const logger = createLoggers({ proxy: 'INFO', client: 'INFO', server: 'INFO' }, (line) => lines.push(line)).proxy;
  const store = Store.open(join(tempDir(), 'state.db'));
  cleanups.push(() => store.close());
  const bridge = new HomeAssistantBridge({ ...DEFAULTS.homeAssistant, url: ha.url, token: 't' }, logger);
  const watch = new OutboxWatch(store.outbox, 60, bridge, logger);
  const put = (at: number) => store.outbox.put({ charger: 'CP', upstream: 'ere', callId: `c${at}`, action: 'MeterValues', text: '[2,"c","MeterValues",{}]', at });
  const warnings = () => lines.filter((l) => l.includes('WARNING proxy: upstream ere has not received transactions'));

  const seq = put(0);
  await turn();
  watch.check(30_000);
  assert.equal(warnings().length, 0, 'under the threshold');
  watch.check(61_000);
  watch.check(3_700_000);
  assert.equal(warnings().length, 1, 'once per episode');
  assert.match(warnings()[0]!, /upstream ere has not received transactions for 1 min \(1 waiting in its outbox\) \(\[host\] outbox_alert = 60 s\)/);
  await waitUntil(() => ha.notifications.length === 1, 'the notification');
  assert.equal(ha.notifications[0]!.title, 'Upstream ere is missing transactions');

  store.outbox.done(seq);
  await turn();
  watch.check(3_800_000);
  assert.ok(lines.some((l) => l.includes('INFO proxy: upstream ere has taken its waiting transactions')));
  put(3_800_000);
  await turn();
  watch.check(3_900_000);
  assert.equal(warnings().length, 2, 'a new episode is said again');
  await waitUntil(() => ha.notifications.length === 2, 'the second notification');
});

test('the alert sentence: minutes, hours, days', () => {
  const ages = [
    { upstream: 'a', entries: 1, oldestSeconds: 59 },
    { upstream: 'b', entries: 2, oldestSeconds: 2 * 3600 + 5 * 60 },
    { upstream: 'c', entries: 3, oldestSeconds: 86_400 + 3600 },
    { upstream: 'd', entries: 4, oldestSeconds: 3 * 86_400 },
  ];
  assert.deepEqual(outboxAlerts(ages, 10).map((a) => a.message), [
    'upstream a has not received transactions for 59 s (1 waiting in its outbox)',
    'upstream b has not received transactions for 2 h 5 min (2 waiting in its outbox)',
    'upstream c has not received transactions for 1 day 1 h (3 waiting in its outbox)',
    'upstream d has not received transactions for 3 days 0 h (4 waiting in its outbox)',
  ]);
  assert.deepEqual(outboxAlerts(ages, 86_400 * 2).map((a) => a.upstream), ['d'], 'only past the threshold');
});
