// Frames to the charger keep their order when one of them waits (for a commit of shared state).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OrderedSends } from '../../src/session/ordered-sends.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

test('a frame sent after a waiting one waits behind it; everything goes in order once the waits are over', async () => {
  const ordered = new OrderedSends();
  const sent: string[] = [];
  const send = (frame: Buffer | string) => (ordered.holds(frame) ? undefined : sent.push(String(frame)));
  send('before');
  const first = deferred();
  ordered.after(first.promise, 'answer 1', (f) => sent.push(String(f)));
  send('call after answer 1');
  const second = deferred();
  ordered.after(second.promise, 'answer 2', (f) => sent.push(String(f)));
  send('call after answer 2');
  second.resolve();
  await settled();
  assert.deepEqual(sent, ['before'], 'the second wait is over, the first is not: nothing overtakes it');
  first.resolve();
  await settled();
  assert.deepEqual(sent, ['before', 'answer 1', 'call after answer 1', 'answer 2', 'call after answer 2']);
  send('later');
  assert.deepEqual(sent.at(-1), 'later', 'nothing waits any more: sent at once');
});

test('a wait that fails releases the frames all the same', async () => {
  const ordered = new OrderedSends();
  const sent: string[] = [];
  ordered.after(Promise.reject(new Error('database away')), 'answer', (f) => sent.push(String(f)));
  await settled();
  await settled();
  assert.deepEqual(sent, ['answer']);
});
