// OCPP-J envelope parsing and id splicing, as pure functions.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callError, idLiteralOf, idSpan, parseFrame, withId } from '../../src/ocpp/frame.ts';
import { versionRules } from '../../src/ocpp/versions.ts';

const v16 = versionRules('ocpp1.6').messageTypes;
const v21 = versionRules('ocpp2.1').messageTypes;

test('valid frames of every type', () => {
  assert.deepEqual(parseFrame('[2,"a","Heartbeat",{}]', v16), { ok: true, frame: { type: 2, id: 'a', action: 'Heartbeat', payload: {} } });
  assert.deepEqual(parseFrame(' [3 ,"a", {"x":1}] ', v16), { ok: true, frame: { type: 3, id: 'a', payload: { x: 1 } } });
  assert.deepEqual(parseFrame('[4,"a","GenericError","",{}]', v16), {
    ok: true,
    frame: { type: 4, id: 'a', code: 'GenericError', description: '', details: {} },
  });
  assert.equal(parseFrame('[5,"a","GenericError","",{}]', v21).ok, true);
  assert.equal(parseFrame('[6,"a","NotifyPeriodicEventStream",{}]', v21).ok, true);
  assert.equal(parseFrame('[2.0,"a","Heartbeat",{}]', v16).ok, true, '2.0 parses as 2');
});

test('problems are classified and the id kept when it can be read', () => {
  const cases: Array<[string, string, string | null]> = [
    ['', 'not-json', null],
    ['[2,"a"', 'not-json', null],
    ['\ufeff[2,"a","Heartbeat",{}]', 'not-json', null],
    ['null', 'not-array', null],
    ['"3"', 'not-array', null],
    ['[]', 'bad-envelope', null],
    ['[2.5,"a","Heartbeat",{}]', 'bad-envelope', 'a'],
    ['[1e309,"a","Heartbeat",{}]', 'bad-envelope', 'a'],
    ['[2,"a","",{}]', 'bad-envelope', 'a'],
    ['[2,"a","Heartbeat",[]]', 'bad-payload', 'a'],
    ['[2,"a","Heartbeat",null]', 'bad-payload', 'a'],
    ['[3,"a",{},{}]', 'bad-envelope', 'a'],
    ['[4,"a","E"]', 'bad-envelope', 'a'],
    ['[4,"a",1,"",{}]', 'bad-envelope', 'a'],
    ['[4,"a","E","",[]]', 'bad-payload', 'a'],
    ['[0,"a"]', 'unknown-type', 'a'],
    ['[6,"a","X",{}]', 'unknown-type', 'a'],
    ['[-1,5]', 'unknown-type', null],
  ];
  for (const [text, problem, id] of cases) {
    const result = parseFrame(text, v16);
    assert.equal(result.ok, false, text);
    if (!result.ok) {
      assert.equal(result.problem, problem, text);
      assert.equal(result.id, id, text);
    }
  }
});

test('deep nesting does not throw', () => {
  const deep = '['.repeat(200_000) + ']'.repeat(200_000);
  const result = parseFrame(deep, v16);
  assert.equal(result.ok, false);
});

test('id splicing keeps every other byte, escapes and whitespace included', () => {
  const text = ' [ 2 , "a\\"b\\\\" ,"DataTransfer",{"n":9007199254740993}] ';
  const [start, end] = idSpan(text);
  assert.equal(text.slice(start, end), '"a\\"b\\\\"');
  assert.equal(idLiteralOf(text), '"a\\"b\\\\"');
  assert.equal(withId(text, '"X"'), ' [ 2 , "X" ,"DataTransfer",{"n":9007199254740993}] ');
  assert.equal(withId('[3,"",{}]', '"new"'), '[3,"new",{}]');
});

test('proxy CallErrors are valid and the description fits 255 characters', () => {
  const frame = JSON.parse(callError('-1', 'RpcFrameworkError', 'x'.repeat(400)));
  assert.equal(frame.length, 5);
  assert.equal(frame[3].length, 255);
  assert.deepEqual(frame[4], {});
});
