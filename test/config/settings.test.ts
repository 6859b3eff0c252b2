// The settings table: every key lands somewhere that has a default, no key is declared twice, and
// the contract's keys are all known.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS } from '../../src/config/config.ts';
import { SECTION_KEYS, SETTINGS, valueAt } from '../../src/config/settings.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { writeIni } from '../helpers/peers.ts';

test('every setting lands on a place that has a default, once', () => {
  const seen = new Set<string>();
  for (const setting of SETTINGS) {
    const name = `[${setting.section}] ${setting.key}`;
    assert.ok(!seen.has(name), `${name} declared twice`);
    seen.add(name);
    if (setting.lands !== null) assert.notEqual(valueAt(DEFAULTS, setting.lands), undefined, `${name} → ${setting.lands.join('.')} has a default`);
  }
  assert.deepEqual(Object.keys(SECTION_KEYS).sort(), ['charging', 'configuration', 'ext-server', 'fixups', 'homeassistant', 'host', 'local', 'messages', 'sharing', 'store', 'web']);
});

test('each key reaches its place in Config, and its command-line option wins over it', () => {
  const ini = writeIni('[upstream.local]\nrole = local\n[host]\nping_timeout = 7\ncharger_rate = 0\n[web]\nport = 0\nallowed_hosts = a.example, b.example\n[local]\naccept_tags = tag1\n[messages]\nfile = from-ini.log\n');
  const { config, problems } = loadConfig({ config: ini, logFile: 'from-cli.log' }, {});
  assert.deepEqual(problems, []);
  assert.equal(config!.timeouts.pingTimeout, 7);
  assert.equal(config!.chargerRate, 0);
  assert.equal(config!.web.port, 0);
  assert.deepEqual(config!.web.allowedHosts, ['a.example', 'b.example']);
  assert.deepEqual(config!.local.acceptTags, ['TAG1']);
  assert.equal(config!.messageLogFile, 'from-cli.log');
  assert.equal(config!.timeouts.callTimeout, DEFAULTS.timeouts.callTimeout, 'untouched keys keep their default');
  assert.notEqual(config!.web, DEFAULTS.web, 'DEFAULTS itself is never written');
  assert.deepEqual(DEFAULTS.web.allowedHosts, []);
});
