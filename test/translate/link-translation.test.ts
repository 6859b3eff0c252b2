// Translation at a 1.6 link's edge: the charger's Calls go out as 1.6 frames (the first with the
// charger's id, so its answer is the answer), Calls that need the upstream's transaction id wait
// for the StartTransaction answer, and answers come back in the charger's version.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LinkTranslation, errorCodeTo16 } from '../../src/translate/link-translation.ts';

const T = '2026-12-02T10:00:00.000Z';
const event = (id: string, eventType: string, seqNo: number, extra: object = {}) =>
  JSON.stringify([2, id, 'TransactionEvent', { eventType, timestamp: T, triggerReason: 'Authorized', seqNo, transactionInfo: { transactionId: 'TX-7' }, ...extra }]);
const meter = { meterValue: [{ timestamp: T, sampledValue: [{ value: 1200, unitOfMeasure: { unit: 'Wh' } }] }] };

test('a transaction through a 1.6 link: ids kept, MeterValues and Stop wait for the upstream\'s id, answers in the charger\'s version', () => {
  const link = new LinkTranslation();
  const started = link.outgoing(event('c1', 'Started', 0, { evse: { id: 1, connectorId: 1 }, idToken: { idToken: 'CARD1', type: 'ISO14443' } }));
  assert.deepEqual(started.wire.map((w) => [w.id, w.action]), [['c1', 'StartTransaction']]);
  // Waits: no 1.6 id yet.
  const updated = link.outgoing(event('c2', 'Updated', 1, meter));
  assert.deepEqual(updated.wire, []);
  assert.equal(updated.settled, null);
  const ended = link.outgoing(event('c3', 'Ended', 2, { ...meter }));
  assert.deepEqual(ended.wire, []);

  const answer = link.incoming(JSON.stringify([3, 'c1', { transactionId: 41, idTagInfo: { status: 'Accepted' } }]));
  assert.deepEqual(JSON.parse(answer.deliver!), [3, 'c1', { idTokenInfo: { status: 'Accepted' } }]);
  assert.deepEqual(answer.wire.map((w) => [w.id, w.action, JSON.parse(w.text)[3].transactionId]), [['c2', 'MeterValues', 41], ['c3', 'StopTransaction', 41]]);
  assert.deepEqual(JSON.parse(link.incoming(JSON.stringify([3, 'c2', {}])).deliver!), [3, 'c2', {}]);
  assert.deepEqual(JSON.parse(link.incoming(JSON.stringify([4, 'c3', 'InternalError', 'no', {}])).deliver!), [4, 'c3', 'InternalError', 'no', {}], 'a CallError passes');
});

test('what 1.6 has no use for is settled at once; extra Calls of the proxy are answered to it alone', () => {
  const link = new LinkTranslation();
  const report = link.outgoing(JSON.stringify([2, 'n1', 'NotifyReport', { requestId: 1, generatedAt: T, seqNo: 0 }]));
  assert.deepEqual(report.wire, []);
  assert.equal(report.settled!.id, 'n1');
  assert.equal(report.settled!.why, 'NotifyReport has no 1.6 counterpart');
  link.outgoing(JSON.stringify([2, 's1', 'StatusNotification', { timestamp: T, connectorStatus: 'Occupied', evseId: 1, connectorId: 1 }]));
  const started = link.outgoing(event('c1', 'Started', 0, { evse: { id: 1, connectorId: 1 }, idToken: { idToken: 'CARD1', type: 'ISO14443' }, transactionInfo: { transactionId: 'TX-7', chargingState: 'Charging' } }));
  assert.deepEqual(started.wire.map((w) => w.action), ['StartTransaction', 'StatusNotification']);
  const extra = started.wire[1]!;
  assert.notEqual(extra.id, 'c1');
  const answer = JSON.stringify([3, extra.id, {}]);
  assert.deepEqual(link.incoming(answer), { received: { text: answer, type: 'CALLRESULT', id: extra.id, action: 'StatusNotification' }, deliver: null, wire: [] });
  assert.deepEqual(link.incoming('not json'), { received: null, deliver: 'not json', wire: [] }, 'the session says what is wrong with it');
  assert.equal(errorCodeTo16('FormatViolation'), 'FormationViolation');
  assert.equal(errorCodeTo16('NotImplemented'), 'NotImplemented');
});
