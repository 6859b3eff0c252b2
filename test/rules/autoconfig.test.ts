import { test } from 'node:test';
import assert from 'node:assert/strict';
import { autoconfigCalls, configStatus, lockDecision, managedKeys, parseVariableKey } from '../../src/rules/autoconfig.ts';

const entries: Array<[string, string]> = [
  ['LocalPreAuthorize', 'true'],
  ['AuthorizeRemoteTxRequests', 'false'],
  ['OCPPCommCtrlr.HeartbeatInterval', '300'],
  ['AuthCtrlr[1:2].Enabled.Main', 'true'],
];

test('2.0.1 keys: Component.Variable, an instance, an EVSE and connector', () => {
  assert.deepEqual(parseVariableKey('OCPPCommCtrlr.HeartbeatInterval'), { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } });
  assert.deepEqual(parseVariableKey('AuthCtrlr[1:2].Enabled.Main'), {
    component: { name: 'AuthCtrlr', evse: { id: 1, connectorId: 2 } },
    variable: { name: 'Enabled', instance: 'Main' },
  });
  assert.deepEqual(parseVariableKey('EVSE[1].Power'), { component: { name: 'EVSE', evse: { id: 1 } }, variable: { name: 'Power' } });
  assert.equal(parseVariableKey('LocalPreAuthorize'), null);
  assert.equal(parseVariableKey('a.b.c.d'), null);
});

test('one Call per key, values exactly as written, each version takes its own keys', () => {
  assert.deepEqual(autoconfigCalls('ocpp1.6', entries).map((c) => [c.action, c.payload]), [
    ['ChangeConfiguration', { key: 'LocalPreAuthorize', value: 'true' }],
    ['ChangeConfiguration', { key: 'AuthorizeRemoteTxRequests', value: 'false' }],
  ]);
  assert.deepEqual(autoconfigCalls('ocpp2.0.1', entries).map((c) => c.payload), [
    { setVariableData: [{ attributeValue: '300', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] },
    { setVariableData: [{ attributeValue: 'true', component: { name: 'AuthCtrlr', evse: { id: 1, connectorId: 2 } }, variable: { name: 'Enabled', instance: 'Main' } }] },
  ]);
  assert.equal(configStatus('ChangeConfiguration', { status: 'RebootRequired' }), 'RebootRequired');
  assert.equal(configStatus('SetVariables', { setVariableResult: [{ attributeStatus: 'UnknownVariable' }] }), 'UnknownVariable');
});

test('lock: managed keys are refused, mixed SetVariables are split, reads and other keys pass', () => {
  const managed = managedKeys(entries);
  assert.deepEqual(lockDecision('ChangeConfiguration', { key: 'localpreauthorize', value: 'false' }, managed), { kind: 'reject', answer: { status: 'Rejected' }, locked: ['localpreauthorize'] });
  assert.deepEqual(lockDecision('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '60' }, managed), { kind: 'pass' });
  assert.deepEqual(lockDecision('GetConfiguration', { key: ['LocalPreAuthorize'] }, managed), { kind: 'pass' });
  const free = { attributeValue: 'x', component: { name: 'TxCtrlr' }, variable: { name: 'EVConnectionTimeOut' } };
  const held = { attributeValue: '10', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } };
  const decision = lockDecision('SetVariables', { setVariableData: [free, held] }, managed);
  assert.deepEqual(decision, {
    kind: 'partial',
    keep: [free],
    rejected: [{ attributeStatus: 'Rejected', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }],
    locked: ['ocppcommctrlr.heartbeatinterval'],
  });
  assert.equal(lockDecision('SetVariables', { setVariableData: [held] }, managed).kind, 'reject');
});
