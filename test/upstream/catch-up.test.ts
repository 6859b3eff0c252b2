// What an upstream missed: the backlog's limits and what it drops first, the replay ahead of it,
// one catch-up Call at a time with its answer or timeout, and what a closed socket keeps.

import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { CatchUp, type OutboxFrame } from '../../src/upstream/catch-up.ts';

let nextId = 0;

/** A charger Call as kept for an upstream: data and text are the same string unless told. */
function frame(action: string | null, size = 20, data?: Buffer): OutboxFrame {
  const id = `c${nextId++}`;
  const head = `[2,"${id}","${action ?? 'x'}",{"p":"`;
  const text = `${head}${'.'.repeat(Math.max(0, size - head.length - 3))}"}]`;
  return { data: data ?? text, text, type: action === null ? 'CALLRESULT' : 'CALL', id, action, tags: [] };
}

const replayFrame = (action: string) => ({ ...frame(action), action, tags: ['replayed' as const] });

function actions(frames: readonly OutboxFrame[]): Array<string | null> {
  return frames.map((f) => f.action);
}

test('frames are counted in frames and bytes; a Buffer frame counts its bytes and its log text', () => {
  const catchUp = new CatchUp({ backlogLimit: 10, backlogBytes: 10_000 });
  assert.equal(catchUp.idle, true);
  assert.deepEqual(catchUp.push(frame('StatusNotification', 100)), []);
  const text = frame('MeterValues', 50).text;
  assert.deepEqual(catchUp.push({ ...frame('MeterValues'), data: Buffer.from(text), text }), []);
  assert.equal(catchUp.backlogBytes, 100 + 50 + 50, 'a Buffer and its text are both held');
  assert.equal(catchUp.backlogLength, 2);
  assert.equal(catchUp.size, 2);
  assert.equal(catchUp.idle, false, 'a frame waits: the next one may not go straight out');
  assert.equal(catchUp.hasBacklogged('MeterValues'), true);
  assert.equal(catchUp.hasBacklogged('BootNotification'), false);
});

test('over the count limit the oldest MeterValues go first, then the oldest unprotected frame; transaction frames are kept over it', () => {
  const catchUp = new CatchUp({ backlogLimit: 3, backlogBytes: 1_000_000 });
  for (const action of ['StatusNotification', 'MeterValues', 'StartTransaction', 'MeterValues']) catchUp.push(frame(action));
  assert.deepEqual(actions(catchUp.backlogFrames()), ['StatusNotification', 'StartTransaction', 'MeterValues'], 'the oldest MeterValues went');

  const dropped = catchUp.push(frame('Heartbeat'));
  assert.deepEqual(actions(dropped), ['MeterValues']);
  assert.deepEqual(actions(catchUp.push(frame('DataTransfer'))), ['StatusNotification'], 'no MeterValues left: the oldest unprotected one');
  assert.deepEqual(actions(catchUp.push(frame(null))), ['Heartbeat']);
  assert.deepEqual(actions(catchUp.backlogFrames()), ['StartTransaction', 'DataTransfer', null]);

  const kept = new CatchUp({ backlogLimit: 2, backlogBytes: 1_000_000 });
  for (const action of ['BootNotification', 'StartTransaction', 'StopTransaction', 'TransactionEvent']) assert.deepEqual(kept.push(frame(action)), []);
  assert.equal(kept.backlogLength, 4, 'losing them would lose a transaction or the boot');
  assert.deepEqual(actions(kept.push(frame('StatusNotification'))), ['StatusNotification'], 'a new unprotected frame is the one to go');
  assert.deepEqual(actions(kept.backlogFrames()), ['BootNotification', 'StartTransaction', 'StopTransaction', 'TransactionEvent']);
});

test('the byte limit is hard: when only transaction frames are left, the oldest goes', () => {
  const catchUp = new CatchUp({ backlogLimit: 1000, backlogBytes: 250 });
  catchUp.push(frame('StartTransaction', 100));
  catchUp.push(frame('MeterValues', 100));
  assert.deepEqual(actions(catchUp.push(frame('StopTransaction', 100))), ['MeterValues']);
  assert.equal(catchUp.backlogBytes, 200);
  assert.deepEqual(actions(catchUp.push(frame('StartTransaction', 100))), ['StartTransaction'], 'the oldest, protected or not');
  assert.deepEqual(actions(catchUp.backlogFrames()), ['StopTransaction', 'StartTransaction']);
  assert.equal(catchUp.backlogBytes, 200);
});

test('a frame larger than backlog_bytes is dropped alone; the backlog it could never join stays', () => {
  const catchUp = new CatchUp({ backlogLimit: 1000, backlogBytes: 300 });
  catchUp.push(frame('StartTransaction', 100));
  catchUp.push(frame('MeterValues', 100));
  const dropped = catchUp.push(frame('DataTransfer', 400));
  assert.deepEqual(actions(dropped), ['DataTransfer']);
  assert.deepEqual(actions(catchUp.backlogFrames()), ['StartTransaction', 'MeterValues']);
});

test('the replay goes before the backlog; next() ends the catch-up when nothing is left', () => {
  const catchUp = new CatchUp({ backlogLimit: 10, backlogBytes: 10_000 });
  assert.equal(catchUp.start(), false, 'nothing waits: not active');
  assert.equal(catchUp.idle, true);

  const backlogged = frame('MeterValues', 60);
  catchUp.push(backlogged);
  catchUp.addReplay(replayFrame('BootNotification'));
  catchUp.addReplay(replayFrame('StatusNotification'));
  assert.equal(catchUp.size, 3);
  assert.equal(catchUp.backlogBytes, 60, 'the replay is no backlog');
  assert.equal(catchUp.start(), true);
  assert.equal(catchUp.isActive, true);

  const sent: Array<[string | null, boolean]> = [];
  for (let next = catchUp.next(); next !== undefined; next = catchUp.next()) sent.push([next.frame.action, next.replayed]);
  assert.deepEqual(sent, [['BootNotification', true], ['StatusNotification', true], ['MeterValues', false]]);
  assert.equal(catchUp.backlogBytes, 0);
  assert.equal(catchUp.isActive, false);
  assert.equal(catchUp.idle, true);
});

test('hold() keeps everything for the link until start()', () => {
  const catchUp = new CatchUp({ backlogLimit: 10, backlogBytes: 10_000 });
  catchUp.hold();
  assert.equal(catchUp.isActive, true);
  assert.equal(catchUp.idle, false, 'held: even with nothing waiting, a frame may not go straight out');
  assert.equal(catchUp.start(), false);
  assert.equal(catchUp.idle, true);
});

test('one catch-up Call at a time: its answer ends the wait; a timeout calls back once', (t: TestContext) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const catchUp = new CatchUp({ backlogLimit: 10, backlogBytes: 10_000 });
  let timeouts = 0;
  catchUp.awaitAnswer('a', 50, () => timeouts++);
  assert.equal(catchUp.waiting, true);
  assert.equal(catchUp.isActive, true);
  assert.equal(catchUp.answered('b'), false, 'not the Call awaited');
  assert.equal(catchUp.waiting, true);
  assert.equal(catchUp.answered('a'), true);
  assert.equal(catchUp.waiting, false);
  assert.equal(catchUp.answered('a'), false, 'only once');
  t.mock.timers.tick(100);
  assert.equal(timeouts, 0, 'an answered Call does not time out');

  catchUp.awaitAnswer('c', 50, () => timeouts++);
  t.mock.timers.tick(49);
  assert.equal(timeouts, 0);
  t.mock.timers.tick(1);
  assert.equal(timeouts, 1);
  assert.equal(catchUp.waiting, false);
  assert.equal(catchUp.answered('c'), false, 'a late answer is no catch-up step');
  t.mock.timers.tick(1000);
  assert.equal(timeouts, 1);
});

test('takeReplayed: the action of a replayed Call\'s answer, once', () => {
  const catchUp = new CatchUp({ backlogLimit: 10, backlogBytes: 10_000 });
  const boot = replayFrame('BootNotification');
  catchUp.addReplay(boot);
  catchUp.push(frame('MeterValues'));
  assert.equal(catchUp.takeReplayed(boot.id), 'BootNotification');
  assert.equal(catchUp.takeReplayed(boot.id), undefined);
  assert.equal(catchUp.takeReplayed(catchUp.backlogFrames()[0]!.id), undefined, 'a backlogged Call\'s answer is the charger\'s, not the proxy\'s');
});

test('reset() (the socket closed) forgets the replay and the Call in flight but keeps the backlog; clear() empties it', (t: TestContext) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const catchUp = new CatchUp({ backlogLimit: 10, backlogBytes: 10_000 });
  const boot = replayFrame('BootNotification');
  catchUp.addReplay(boot);
  catchUp.push(frame('StartTransaction', 40));
  catchUp.push(frame('MeterValues', 40));
  catchUp.start();
  let timeouts = 0;
  catchUp.awaitAnswer(boot.id, 50, () => timeouts++);

  catchUp.reset();
  t.mock.timers.tick(100);
  assert.equal(timeouts, 0, 'the timer went with the socket');
  assert.deepEqual([catchUp.waiting, catchUp.isActive], [false, false]);
  assert.equal(catchUp.takeReplayed(boot.id), undefined);
  assert.deepEqual(actions(catchUp.backlogFrames()), ['StartTransaction', 'MeterValues']);
  assert.deepEqual([catchUp.size, catchUp.backlogBytes, catchUp.idle], [2, 80, false]);
  assert.equal(catchUp.next()?.replayed, false, 'no replay left');

  catchUp.clear();
  assert.deepEqual([catchUp.size, catchUp.backlogLength, catchUp.backlogBytes, catchUp.idle], [0, 0, 0, true]);
});
