// LazyMap and LazySet behave as Map and Set do, for any sequence of operations (fast-check model).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LazyMap, LazySet } from '../../src/collections.ts';

const key = fc.constantFrom('a', 'b', 'c', 'constructor', '__proto__');
const op = fc.oneof(
  fc.tuple(fc.constant('set'), key, fc.integer()),
  fc.tuple(fc.constant('delete'), key, fc.constant(0)),
  fc.tuple(fc.constant('clear'), key, fc.constant(0)),
  fc.tuple(fc.constant('get'), key, fc.constant(0)),
);

test('LazyMap: the same answers, size and iteration order as a Map', () => {
  fc.assert(
    fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
      const lazy = new LazyMap<string, number>();
      const real = new Map<string, number>();
      for (const [name, k, v] of ops) {
        if (name === 'set') assert.equal(lazy.set(k, v), lazy);
        if (name === 'set') real.set(k, v);
        if (name === 'delete') assert.equal(lazy.delete(k), real.delete(k));
        if (name === 'clear') {
          lazy.clear();
          real.clear();
        }
        assert.equal(lazy.get(k), real.get(k));
        assert.equal(lazy.has(k), real.has(k));
        assert.equal(lazy.size, real.size);
      }
      assert.deepEqual([...lazy], [...real]);
      assert.deepEqual([...lazy.keys()], [...real.keys()]);
      assert.deepEqual([...lazy.values()], [...real.values()]);
      const seen: Array<[string, number]> = [];
      lazy.forEach((value, k, map) => {
        assert.equal(map, lazy);
        seen.push([k, value]);
      });
      assert.deepEqual(seen, [...real.entries()]);
    }),
  );
});

test('LazyMap: entries added while iterating are visited, as in a Map', () => {
  const lazy = new LazyMap<number, number>();
  lazy.set(1, 1);
  const visited: number[] = [];
  for (const [k] of lazy) {
    visited.push(k);
    if (k < 3) lazy.set(k + 1, 0);
  }
  assert.deepEqual(visited, [1, 2, 3]);
  assert.equal(Object.prototype.toString.call(lazy), '[object Map]');
});

test('LazySet: the same answers, size and iteration order as a Set', () => {
  fc.assert(
    fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
      const lazy = new LazySet<string>();
      const real = new Set<string>();
      for (const [name, k] of ops) {
        if (name === 'set') assert.equal(lazy.add(k), lazy);
        if (name === 'set') real.add(k);
        if (name === 'delete') assert.equal(lazy.delete(k), real.delete(k));
        if (name === 'clear') {
          lazy.clear();
          real.clear();
        }
        assert.equal(lazy.has(k), real.has(k));
        assert.equal(lazy.size, real.size);
      }
      assert.deepEqual([...lazy], [...real]);
      assert.deepEqual([...lazy.entries()], [...real.entries()]);
      const seen: string[] = [];
      lazy.forEach((value, again, set) => {
        assert.equal(value, again);
        assert.equal(set, lazy);
        seen.push(value);
      });
      assert.deepEqual(seen, [...real]);
    }),
  );
});
