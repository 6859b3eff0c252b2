import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chargerIdFromPath } from '../../src/listener/charger-path.ts';

test('charger id is the last non-empty segment, decoded once', () => {
  const ok: Array<[string, string]> = [
    ['/CP1', 'CP1'],
    ['/ocpp/CP1', 'CP1'],
    ['/ocpp/CP1/', 'CP1'],
    ['//CP1', 'CP1'],
    ['/a//b///CP-1_x.y', 'CP-1_x.y'],
    ['/RDAM%20123', 'RDAM 123'],
    ['/%2541', '%41'],
    ['/CP1?version=1.6&x=//y', 'CP1'],
  ];
  for (const [path, id] of ok) assert.deepEqual(chargerIdFromPath(path, true), { ok: true, chargerId: id }, path);
});

test('refused paths', () => {
  for (const path of ['/', '', '//', '/?x=CP1', `/${'a'.repeat(49)}`, '/a:b', '/a%3Ab', '/%ZZ', '/.', '/..', '/ocpp/%2E%2E', '/%2e', '/x/../..']) {
    assert.equal(chargerIdFromPath(path, true).ok, false, path);
  }
  assert.equal(chargerIdFromPath('//CP1', false).ok, false);
  assert.equal(chargerIdFromPath('/ocpp//CP1', false).ok, false);
  assert.equal(chargerIdFromPath('/ocpp/CP1', false).ok, true);
});
