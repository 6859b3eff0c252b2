// `npm test` also runs these suites on Deno (the same sources, Deno's TypeScript and node:test
// support): the pure modules and the routing through real sockets. The platform package of Deno
// is an optional dependency; where it is missing this says so and skips.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const deno = join(root, 'node_modules/@deno/linux-x64-glibc/deno');
const suites = [
  'test/ocpp', 'test/rules', 'test/config', 'test/sharing/control.test.ts', 'test/listener/charger-path.test.ts',
  'test/auth', 'test/log', 'test/upstream/upstream-link.test.ts',
  'test/session/routing.test.ts', 'test/session/bad-frames.test.ts', 'test/session/calls.test.ts', 'test/session/charger-memory.test.ts',
  'test/stages', 'test/architecture.test.ts',
];
if (!existsSync(deno)) {
  console.log('deno: not installed for this platform (optional dependency @deno/linux-x64-glibc); Deno suites skipped');
  process.exit(0);
}
const result = spawnSync(deno, ['test', '-A', '--no-check', ...suites], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
const summary = /(\d+) passed.*\| (\d+) failed/.exec(result.stdout.split('\n').filter((line) => line.includes(' passed')).at(-1) ?? '');
// A plain closing line, so the summary reads the same whatever the runner.
console.log(summary === null ? 'deno: no summary (see above)' : `deno: ${summary[1]} passed, ${summary[2]} failed`);
process.exit(result.status ?? 1);
