import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendToArray, spliceValues, valueSpan } from '../../src/ocpp/json-span.ts';

const text = '[2, "id" ,"MeterValues", {"n":9007199254740993,"a\\"b":1, "meterValue" : [ {"timestamp":"x"} , {"timestamp" : "" ,"v":[1,[2]]} ],"s":"\\"}"}]';

test('spans of values by path, through objects, arrays and escapes', () => {
  const at = (path: Array<string | number>) => {
    const span = valueSpan(text, path);
    return span === null ? null : text.slice(span[0], span[1]);
  };
  assert.equal(at([1]), '"id"');
  assert.equal(at([3, 'n']), '9007199254740993');
  assert.equal(at([3, 'a"b']), '1');
  assert.equal(at([3, 'meterValue', 1, 'timestamp']), '""');
  assert.equal(at([3, 'meterValue', 1, 'v']), '[1,[2]]');
  assert.equal(at([3, 's']), '"\\"}"');
  assert.equal(at([3, 'missing']), null);
  assert.equal(at([3, 'meterValue', 5]), null);
  assert.equal(at([3, 'n', 'x']), null);
  assert.equal(valueSpan('{"a":1,"a":2}', ['a'])!.join(), '11,12', 'the last duplicate wins, as in JSON.parse');
});

test('splicing changes only the chosen values', () => {
  const out = spliceValues(text, [
    { path: [3, 'meterValue', 0, 'timestamp'], value: '2026-01-01T00:00:00.000Z' },
    { path: [3, 'meterValue', 1, 'timestamp'], value: '2026-01-02T00:00:00.000Z' },
  ]);
  assert.equal(out, text.replace('"x"', '"2026-01-01T00:00:00.000Z"').replace('"timestamp" : ""', '"timestamp" : "2026-01-02T00:00:00.000Z"'));
});

test('appending to an array, empty or not', () => {
  assert.equal(appendToArray('[3,"i",{"r":[ ]}]', [2, 'r'], ['{"a":1}']), '[3,"i",{"r":[ {"a":1}]}]');
  assert.equal(appendToArray('[3,"i",{"r":[{"b":2}]}]', [2, 'r'], ['{"a":1}', '3']), '[3,"i",{"r":[{"b":2},{"a":1},3]}]');
  assert.equal(appendToArray('[3,"i",{}]', [2, 'r'], ['1']), '[3,"i",{}]');
});
