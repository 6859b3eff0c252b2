// Imports point one way (docs/architecture.md): no import cycle between files, and no folder
// imports a folder above it in the layering below. A new upward import fails here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const src = resolve(import.meta.dirname, '../src');

/** Bottom first: a folder may import only folders before it (and itself). */
const LAYERS = ['errors.ts', 'version.ts', 'runtime.ts', 'collections.ts', 'ocpp', 'auth', 'config', 'log', 'rules', 'translate', 'store', 'events', 'sharing', 'upstream', 'stages', 'session', 'listener', 'web', 'daemon.ts', 'cli', 'main.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export) [^;]*? from '(\.[^']+)'/gms)].map((match) => resolve(dirname(file), match[1]!));
}

const files = sources(src);
const graph = new Map(files.map((file) => [file, imports(file).filter((target) => files.includes(target))]));
const layerOf = (file: string) => relative(src, file).split('/')[0]!;

test('every top-level folder of src is in the layering', () => {
  const unknown = [...new Set(files.map(layerOf))].filter((layer) => !LAYERS.includes(layer));
  assert.deepEqual(unknown, [], 'add a new folder to LAYERS (and docs/architecture.md)');
});

test('no folder imports a folder above it', () => {
  const upward: string[] = [];
  for (const [file, targets] of graph) {
    for (const target of targets) {
      const from = LAYERS.indexOf(layerOf(file));
      const to = LAYERS.indexOf(layerOf(target));
      if (to > from) upward.push(`${relative(src, file)} → ${relative(src, target)}`);
    }
  }
  assert.deepEqual(upward, []);
});

test('no import cycle between files', () => {
  const cycles: string[] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (file: string) => {
    if (stack.includes(file)) {
      cycles.push(stack.slice(stack.indexOf(file)).map((f) => relative(src, f)).join(' → '));
      return;
    }
    if (done.has(file)) return;
    stack.push(file);
    for (const target of graph.get(file) ?? []) visit(target);
    stack.pop();
    done.add(file);
  };
  for (const file of files) visit(file);
  assert.deepEqual(cycles, []);
});

test('no file passes ~400 lines', () => {
  const long = files.map((file) => [relative(src, file), readFileSync(file, 'utf8').split('\n').length] as const).filter(([, lines]) => lines > 430);
  assert.deepEqual(long, []);
});
