// The per-upstream stage chain: runChain's order and bookkeeping, and each stage's decisions
// (policy, control, transaction ids, autoconfig lock) over a configuration read from an INI file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config/load-config.ts';
import type { Config } from '../../src/config/config.ts';
import { CallPolicy } from '../../src/config/policy.ts';
import { createLoggers } from '../../src/log/console-log.ts';
import { managedKeys } from '../../src/rules/autoconfig.ts';
import { ControlArbiter } from '../../src/sharing/control.ts';
import { AutoconfigLock } from '../../src/stages/autoconfig-lock.ts';
import { stageChain } from '../../src/stages/chain.ts';
import { ControlGate } from '../../src/stages/control-gate.ts';
import { PolicyGate } from '../../src/stages/policy-gate.ts';
import { FORWARD, runChain, type Stage, type StageDecision, type StageFrame } from '../../src/stages/stage.ts';
import { TransactionIds } from '../../src/stages/transaction-ids.ts';
import { Transactions, type RoutedLink } from '../../src/stages/transactions.ts';
import { writeIni } from '../helpers/peers.ts';

const INI = `[ext-server]
server = ws://127.0.0.1:1
secondary_server = ws://127.0.0.1:2
secondary_deny_actions = Reset, UpdateFirmware
[upstream.watch]
url = ws://127.0.0.1:3
role = observer
[upstream.narrow]
url = ws://127.0.0.1:4
allow_actions = GetConfiguration, TriggerMessage
[upstream.fleet]
url = ws://127.0.0.1:5
[autoconfig]
HeartbeatInterval = 60
OCPPCommCtrlr.HeartbeatInterval = 60
lock = true
`;

function configOf(extra = '[sharing]\nenabled = true\n'): Config {
  const { config, problems } = loadConfig({ config: writeIni(INI + extra) });
  assert.deepEqual(problems, []);
  return config!;
}

const CONFIG = configOf();

function policyOf(name: string): CallPolicy {
  return new CallPolicy(CONFIG.upstreams.find((u) => u.name === name)!);
}

function call(action: string, payload: Record<string, unknown> = {}, id = 'u1'): StageFrame {
  return { type: 'CALL', id, action, payload, text: JSON.stringify([2, id, action, payload]) };
}

/** A stage that says `decision` from one direction and notes every frame it was shown. */
function stage(name: string, decide: (frame: StageFrame) => StageDecision, direction: 'toUpstream' | 'fromUpstream' = 'fromUpstream') {
  const seen: StageFrame[] = [];
  const hook = (frame: StageFrame) => {
    seen.push(frame);
    return decide(frame);
  };
  const built: Stage = direction === 'fromUpstream' ? { name, fromUpstream: hook } : { name, toUpstream: hook };
  return { stage: built, seen };
}

test('runChain: stages in order, a replace feeds the next stage its bytes, notes are collected, the rewriteAnswer is kept', () => {
  const frame = call('ChangeConfiguration', { key: 'A', value: '1' });
  const rewrite = (answer: string) => `${answer}!`;
  const a = stage('a', (f) => ({ kind: 'replace', text: f.text.replace('"1"', '"2"'), note: 'a changed the value', rewriteAnswer: rewrite }));
  const b = stage('b', () => ({ kind: 'forward', note: 'b let it through' }));
  const other = stage('other-direction', () => ({ kind: 'drop', note: 'never' }), 'toUpstream');
  const c = stage('c', (f) => ({ kind: 'replace', text: f.text.replace('"A"', '"B"') }));
  const d = stage('d', () => FORWARD);
  const result = runChain([a.stage, b.stage, other.stage, c.stage, d.stage], 'fromUpstream', frame);

  assert.equal(result.text, '[2,"u1","ChangeConfiguration",{"key":"B","value":"2"}]');
  assert.equal(result.stopped, null);
  assert.deepEqual(result.notes, ['a changed the value', 'b let it through']);
  assert.equal(result.rewriteAnswer, rewrite, 'a later replace without its own rewriteAnswer keeps the earlier one');
  assert.equal(b.seen[0]!.text, '[2,"u1","ChangeConfiguration",{"key":"A","value":"2"}]', 'b saw a\'s bytes');
  assert.equal(b.seen[0]!.payload, frame.payload, 'the payload stays the parse of the original bytes');
  assert.equal(d.seen[0]!.text, result.text);
  assert.equal(other.seen.length, 0, 'a stage without this direction\'s hook is not asked');

  const empty = runChain([], 'toUpstream', frame);
  assert.deepEqual(empty, { text: frame.text, stopped: null, notes: [], rewriteAnswer: null, onChargerAnswer: null, filtered: false, atSend: null });
});

test('runChain: the first stop wins; later stages are not asked; the bytes and notes so far are returned, no rewriteAnswer', () => {
  const frame = call('Reset', { type: 'Hard' });
  for (const stop of [
    { kind: 'error', code: 'SecurityError', description: 'no', note: 'blocked' },
    { kind: 'answer', payload: { status: 'Rejected' }, note: 'refused' },
    { kind: 'drop', note: 'dropped' },
  ] as const) {
    const a = stage('a', (f) => ({ kind: 'replace', text: f.text.replace('Hard', 'Soft'), note: 'softened', rewriteAnswer: (x) => x }));
    const b = stage('b', () => stop);
    const c = stage('c', () => ({ kind: 'error', code: 'GenericError', description: 'later', note: 'later' }));
    const result = runChain([a.stage, b.stage, c.stage], 'fromUpstream', frame);
    assert.equal(result.stopped, stop);
    assert.equal(result.text, '[2,"u1","Reset",{"type":"Soft"}]');
    assert.deepEqual(result.notes, ['softened'], 'the stop\'s own note is in `stopped`');
    assert.equal(result.rewriteAnswer, null, 'nothing goes to the charger, so no answer to rewrite');
    assert.equal(c.seen.length, 0);
  }
});

test('policy: observers may send nothing; deny_actions and allow_actions refuse with SecurityError', () => {
  assert.deepEqual(new PolicyGate(policyOf('watch'), 'watch').fromUpstream(call('GetConfiguration')), {
    kind: 'error',
    code: 'SecurityError',
    description: 'watch: observers may not send calls to the charger',
    note: "watch's GetConfiguration blocked: observers may not send calls to the charger",
  });
  const secondary = new PolicyGate(policyOf('secondary'), 'secondary');
  assert.deepEqual(secondary.fromUpstream(call('Reset', { type: 'Soft' })), {
    kind: 'error', code: 'SecurityError', description: 'secondary: Reset is in deny_actions', note: "secondary's Reset blocked: Reset is in deny_actions",
  });
  assert.equal(secondary.fromUpstream(call('GetConfiguration')), FORWARD);
  const narrow = new PolicyGate(policyOf('narrow'), 'narrow');
  assert.equal(narrow.fromUpstream(call('TriggerMessage', { requestedMessage: 'Heartbeat' })), FORWARD);
  assert.match((narrow.fromUpstream(call('UnlockConnector', { connectorId: 1 })) as { description: string }).description, /^narrow: UnlockConnector is not in allow_actions$/);
  assert.equal(new PolicyGate(policyOf('primary'), 'primary').fromUpstream(call('Reset', { type: 'Hard' })), FORWARD);
});

test('control (1.6): the holder\'s control Calls pass with the reason; another\'s get the action\'s own refusal, never a CallError', () => {
  const arbiter = new ControlArbiter(CONFIG, () => null);
  const gate = (upstream: string) => new ControlGate(arbiter, 'CP1', upstream, 'ocpp1.6');
  assert.deepEqual(gate('secondary').fromUpstream(call('RemoteStartTransaction', { idTag: 'T' })), {
    kind: 'forward', note: "secondary's RemoteStartTransaction allowed: control was free",
  });
  const fleet = gate('fleet');
  const refusals: Array<[string, Record<string, unknown>]> = [
    ['RemoteStopTransaction', { status: 'Rejected' }],
    ['SetChargingProfile', { status: 'Rejected' }],
    ['ClearChargingProfile', { status: 'Unknown' }],
    ['ChangeAvailability', { status: 'Rejected' }],
    ['Reset', { status: 'Rejected' }],
    ['UnlockConnector', { status: 'UnlockFailed' }],
  ];
  for (const [action, payload] of refusals) {
    const decision = fleet.fromUpstream(call(action));
    assert.equal(decision.kind, 'answer', action);
    assert.deepEqual((decision as { payload: unknown }).payload, payload, action);
    assert.match((decision as { note: string }).note, new RegExp(`^fleet's ${action} refused: secondary holds control`));
  }
  const decisions = arbiter.control('CP1').decisions.length;
  assert.equal(fleet.fromUpstream(call('GetConfiguration')), FORWARD, 'not a control Call');
  assert.equal(fleet.fromUpstream({ ...call('Reset'), type: 'SEND' }), FORWARD, 'a SEND is no Call');
  assert.equal(arbiter.control('CP1').decisions.length, decisions, 'the arbiter was not asked');
});

test('control (2.0.1): its own control actions and refusals; 1.6 names are not control Calls there', () => {
  const arbiter = new ControlArbiter(CONFIG, () => null);
  const gate = (upstream: string) => new ControlGate(arbiter, 'CP2', upstream, 'ocpp2.0.1');
  assert.equal(gate('secondary').fromUpstream(call('RequestStartTransaction', { remoteStartId: 1, idToken: { idToken: 'T', type: 'Central' } })).kind, 'forward');
  assert.deepEqual((gate('fleet').fromUpstream(call('RequestStopTransaction', { transactionId: 'T-1' })) as { payload: unknown }).payload, { status: 'Rejected' });
  assert.deepEqual((gate('fleet').fromUpstream(call('UnlockConnector', { evseId: 1, connectorId: 1 })) as { payload: unknown }).payload, { status: 'UnlockFailed' });
  assert.equal(gate('fleet').fromUpstream(call('RemoteStartTransaction', { idTag: 'T' })), FORWARD);

  const off = new ControlArbiter(configOf(''), () => null);
  assert.deepEqual(new ControlGate(off, 'CP1', 'fleet', 'ocpp1.6').fromUpstream(call('Reset', { type: 'Soft' })), {
    kind: 'forward', note: "fleet's Reset allowed: sharing is off: every upstream may control",
  });
});

function learntTransactions(links: RoutedLink[]) {
  const logger = createLoggers({ proxy: 'ERROR', client: 'ERROR', server: 'ERROR' }, () => undefined).proxy;
  const tx = new Transactions('CP1', 'ocpp1.6', links, { tagOwners: new Map(), defaultOwner: 'primary' }, null, logger);
  const [primary, secondary] = links;
  tx.routeChargerCall('StartTransaction', { connectorId: 1, idTag: 'T', meterStart: 0, timestamp: '2026-01-05T10:00:00Z' }, 's1');
  tx.upstreamAnswered(primary!, 'StartTransaction', 's1', { transactionId: 7 }, '[3,"s1",{"transactionId":7}]');
  tx.upstreamAnswered(secondary!, 'StartTransaction', 's1', { transactionId: 55 }, '[3,"s1",{"transactionId":55}]');
  return tx;
}

test('transaction ids: the charger\'s id becomes this upstream\'s on the way up and back on the way down, every other byte kept', () => {
  const links: RoutedLink[] = CONFIG.upstreams.map((u) => ({ name: u.name, role: u.role }));
  const tx = learntTransactions(links);
  const [primary, secondary] = links;
  const up = new TransactionIds(tx, secondary!);
  const meter = '[2, "m1", "MeterValues", {"connectorId": 1, "transactionId": 7, "meterValue": [ ]}]';
  assert.deepEqual(up.toUpstream({ type: 'CALL', id: 'm1', action: 'MeterValues', payload: JSON.parse(meter)[3], text: meter }), {
    kind: 'replace', text: '[2, "m1", "MeterValues", {"connectorId": 1, "transactionId": 55, "meterValue": [ ]}]',
  });
  assert.equal(new TransactionIds(tx, primary!).toUpstream(call('MeterValues', { connectorId: 1, transactionId: 7, meterValue: [] })), FORWARD);
  assert.deepEqual(up.fromUpstream(call('RemoteStopTransaction', { transactionId: 55 })), { kind: 'replace', text: '[2,"u1","RemoteStopTransaction",{"transactionId":7}]' });
  assert.equal(up.fromUpstream({ ...call('RemoteStopTransaction', { transactionId: 55 }), type: 'SEND' }), FORWARD);
  assert.equal(up.fromUpstream(call('RemoteStopTransaction', { transactionId: 56 })), FORWARD);
});

test('autoconfig lock: a managed key is Rejected, a SetVariables loses its managed variables and gets their Rejected results back', () => {
  const lock = new AutoconfigLock(managedKeys(CONFIG.autoconfig), 'secondary');
  assert.deepEqual(lock.fromUpstream(call('ChangeConfiguration', { key: 'heartbeatInterval', value: '5' })), {
    kind: 'answer', payload: { status: 'Rejected' }, note: 'secondary may not change heartbeatInterval ([autoconfig] lock)',
  });
  assert.equal(lock.fromUpstream(call('ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '5' })), FORWARD);
  assert.equal(lock.fromUpstream(call('GetConfiguration', { key: ['HeartbeatInterval'] })), FORWARD);
  assert.equal(lock.fromUpstream({ ...call('ChangeConfiguration', { key: 'HeartbeatInterval', value: '5' }), type: 'SEND' }), FORWARD);

  const locked = { attributeValue: '5', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } };
  const free = { attributeValue: '30', component: { name: 'SampledDataCtrlr' }, variable: { name: 'TxUpdatedInterval' } };
  const rejected = { attributeStatus: 'Rejected', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } };
  assert.deepEqual(lock.fromUpstream(call('SetVariables', { setVariableData: [locked] })), {
    kind: 'answer', payload: { setVariableResult: [rejected] }, note: 'secondary may not change ocppcommctrlr.heartbeatinterval ([autoconfig] lock)',
  });

  const partial = lock.fromUpstream(call('SetVariables', { setVariableData: [locked, free] }));
  assert.equal(partial.kind, 'replace');
  const { text, note, rewriteAnswer } = partial as Extract<StageDecision, { kind: 'replace' }>;
  assert.deepEqual(JSON.parse(text), [2, 'u1', 'SetVariables', { setVariableData: [free] }]);
  assert.equal(note, 'ocppcommctrlr.heartbeatinterval removed from secondary\'s SetVariables ([autoconfig] lock)');
  const chargerAnswer = '[3,"u1",{"setVariableResult":[{"attributeStatus":"Accepted","component":{"name":"SampledDataCtrlr"},"variable":{"name":"TxUpdatedInterval"}}]}]';
  assert.deepEqual(JSON.parse(rewriteAnswer!(chargerAnswer))[2].setVariableResult, [
    { attributeStatus: 'Accepted', component: { name: 'SampledDataCtrlr' }, variable: { name: 'TxUpdatedInterval' } },
    rejected,
  ], 'the upstream hears about every variable it asked for');
});

test('stageChain: policy, control, transaction ids, then the lock when it is on; the first refusal answers', () => {
  const links: RoutedLink[] = CONFIG.upstreams.map((u) => ({ name: u.name, role: u.role }));
  const tx = learntTransactions(links);
  const arbiter = new ControlArbiter(CONFIG, () => null);
  const chainFor = (name: string, lockedKeys: ReadonlySet<string> | null = managedKeys(CONFIG.autoconfig)) =>
    stageChain({ link: links.find((l) => l.name === name)!, upstream: name, chargerId: 'CP1', protocol: 'ocpp1.6', policy: policyOf(name), control: arbiter, transactions: tx, lockedKeys, views: null, exclusive: null, profiles: null, connectors: () => new Set() });

  assert.deepEqual(chainFor('secondary').map((s) => s.name), ['policy', 'control', 'transaction-ids', 'autoconfig-lock']);
  assert.deepEqual(chainFor('secondary', null).map((s) => s.name), ['policy', 'control', 'transaction-ids']);

  const observed = runChain(chainFor('watch'), 'fromUpstream', call('RemoteStopTransaction', { transactionId: 7 }));
  assert.equal(observed.stopped?.kind, 'error');
  assert.equal(arbiter.control('CP1').decisions.length, 0, 'a Call the policy refused never reaches the arbiter');

  const stop = runChain(chainFor('secondary'), 'fromUpstream', call('RemoteStopTransaction', { transactionId: 55 }));
  assert.equal(stop.stopped, null);
  assert.equal(stop.text, '[2,"u1","RemoteStopTransaction",{"transactionId":7}]');
  assert.deepEqual(stop.notes, ["secondary's RemoteStopTransaction allowed: control was free"]);

  const refused = runChain(chainFor('fleet'), 'fromUpstream', call('RemoteStopTransaction', { transactionId: 7 }));
  assert.deepEqual(refused.stopped && refused.stopped.kind === 'answer' ? refused.stopped.payload : null, { status: 'Rejected' });

  const denied = runChain(chainFor('secondary'), 'fromUpstream', call('Reset', { type: 'Soft' }));
  assert.equal(denied.stopped?.kind, 'error', 'deny_actions before control');
  const lockedKey = runChain(chainFor('secondary'), 'fromUpstream', call('ChangeConfiguration', { key: 'HeartbeatInterval', value: '1' }));
  assert.deepEqual(lockedKey.stopped && lockedKey.stopped.kind === 'answer' ? lockedKey.stopped.payload : null, { status: 'Rejected' });
  assert.equal(runChain(chainFor('secondary', null), 'fromUpstream', call('ChangeConfiguration', { key: 'HeartbeatInterval', value: '1' })).stopped, null);

  const meter = runChain(chainFor('secondary'), 'toUpstream', call('StopTransaction', { transactionId: 7, meterStop: 10, timestamp: 'x' }, 'c9'));
  assert.equal(meter.text, '[2,"c9","StopTransaction",{"transactionId":55,"meterStop":10,"timestamp":"x"}]', 'toward the upstream only the transaction-ids stage acts');
});
