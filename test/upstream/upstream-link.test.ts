import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, upstreamUrl } from '../../src/upstream/upstream-link.ts';
import { mirrorCloseCode } from '../../src/upstream/close-codes.ts';

test('upstream URL: base + one slash + the encoded charger id', () => {
  assert.equal(upstreamUrl('ws://h:9000', 'CP1'), 'ws://h:9000/CP1');
  assert.equal(upstreamUrl('ws://h:9000/', 'CP1'), 'ws://h:9000/CP1');
  assert.equal(upstreamUrl('wss://h/ocpp//', 'RDAM 123'), 'wss://h/ocpp/RDAM%20123');
  assert.equal(upstreamUrl('ws://h/ocpp?token=x', 'a/b'), 'ws://h/ocpp/a%2Fb?token=x');
});

test('backoff doubles from 1 s to 5 min with ±25 % jitter', () => {
  assert.equal(backoffDelay(0, () => 0.5), 1000);
  assert.equal(backoffDelay(3, () => 0.5), 8000);
  assert.equal(backoffDelay(50, () => 0.5), 300_000);
  assert.equal(backoffDelay(0, () => 0), 750);
  assert.equal(backoffDelay(0, () => 1), 1250);
});

test('close codes that may not be sent are mapped', () => {
  assert.equal(mirrorCloseCode(1000, 1001), 1000);
  assert.equal(mirrorCloseCode(4001, 1011), 4001);
  assert.equal(mirrorCloseCode(1005, 1011), 1000);
  assert.equal(mirrorCloseCode(1006, 1001), 1001);
  assert.equal(mirrorCloseCode(1006, 1011), 1011);
  assert.equal(mirrorCloseCode(1015, 1001), 1011);
  assert.equal(mirrorCloseCode(1004, 1001), 1001);
});
