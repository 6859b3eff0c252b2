// The documentation's commands work as written. Every ```sh block of README.md, docs/*.md and the
// add-on's DOCS.md is either run here (in a temporary directory, `ocpp-proxy` on PATH being the
// built bundle on this Node, loopback only, bounded by timeouts) or listed in NOT_RUN with the
// reason. A block that is neither, or a listed block that no longer exists, fails the test: a new
// command in the documentation cannot go unchecked. Every ```ini block must pass `ocpp-proxy check`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { cleanupAfter, freePort, rawCharger, tempDir, waitUntil, within } from './helpers/peers.ts';
import { Store } from '../src/store/store.ts';
import { parseStoredHash, verifyPassword } from '../src/auth/charger-auth.ts';

const root = resolve(import.meta.dirname, '..');
const bundle = join(root, 'dist/ocpp-proxy.mjs');
const shippedIni = readFileSync(join(root, 'ocpp-2w-proxy.ini'), 'utf8');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const cleanups = cleanupAfter();

/** What the proxy says, in the README and at run time, while only the local CSMS answers. */
const NO_BACKEND = 'no backend configured: the built-in local CSMS answers and accepts every tag';

// ---- the documentation's code blocks -------------------------------------------------------

const DOCUMENTS = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
  'homeassistant/ocpp-proxy/DOCS.md',
];

interface Block {
  file: string;
  line: number;
  lang: string;
  text: string;
}

/** The fenced code blocks of a Markdown text, their indentation (list items) removed. */
function codeBlocks(file: string, markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (open === null) continue;
    const [, indent, fence, lang] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = /^ *(`{3,}|~{3,})\s*$/.exec(lines[j]!);
      if (close !== null && close[1]![0] === fence![0] && close[1]!.length >= fence!.length) break;
      body.push(lines[j]!.startsWith(indent!) ? lines[j]!.slice(indent!.length) : lines[j]!.trimStart());
    }
    blocks.push({ file, line: i + 1, lang: lang!.toLowerCase(), text: body.join('\n').trim() });
    i = j;
  }
  return blocks;
}

const blocks = DOCUMENTS.flatMap((file) => codeBlocks(file, readFileSync(join(root, file), 'utf8')));
const shellBlocks = blocks.filter((b) => ['sh', 'bash', 'shell', 'console'].includes(b.lang));
const iniBlocks = blocks.filter((b) => b.lang === 'ini');

// ---- fixtures ------------------------------------------------------------------------------

const entry = (ts: string, charger: string, from: string, to: string, type: string, id: string, action: string, raw: string) =>
  JSON.stringify({ ts, charger, from, to, type, id, action, tags: [], raw });

/** A message log with CP1 and CP2 traffic; `count` request/answer pairs. */
function messageLog(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const charger = i % 5 === 4 ? 'CP2' : 'CP1';
    const second = String(i % 60).padStart(2, '0');
    lines.push(entry(`2026-11-21T10:00:${second}.000Z`, charger, 'charger', 'primary', 'CALL', `${i}`, 'Heartbeat', `[2,"${i}","Heartbeat",{}]`));
    lines.push(entry(`2026-11-21T10:00:${second}.040Z`, charger, 'primary', 'charger', 'CALLRESULT', `${i}`, 'Heartbeat', `[3,"${i}",{"currentTime":"2026-11-21T10:00:${second}Z"}]`));
  }
  return `${lines.join('\n')}\n`;
}

/** The shipped INI in `dir` (its [messages] file and [store] path are relative: ./ocpp_messages.log, ./ocpp-proxy.db). */
function withShippedIni(dir: string, text = shippedIni): void {
  writeFileSync(join(dir, 'ocpp-2w-proxy.ini'), text);
}

/** Two finished sessions: CP1 in November, CP2 in October. */
function withSessions(dir: string): void {
  withShippedIni(dir);
  const store = Store.open(join(dir, 'ocpp-proxy.db'));
  store.startTransaction({ charger: 'CP1', chargerTx: '7', owner: 'primary', connector: 1, evse: null, idTag: 'TAG1', startedAt: '2026-11-20T10:00:00.000Z', meterStart: 1000 });
  store.stopTransaction({ charger: 'CP1', chargerTx: '7', stoppedAt: '2026-11-20T12:00:00.000Z', meterStop: 12_500, reason: 'Local' }, 'primary', 0.35);
  store.startTransaction({ charger: 'CP2', chargerTx: '8', owner: 'secondary', connector: 1, evse: null, idTag: 'TAG2', startedAt: '2026-10-01T10:00:00.000Z', meterStart: 0 });
  store.stopTransaction({ charger: 'CP2', chargerTx: '8', stoppedAt: '2026-10-01T11:00:00.000Z', meterStop: 3000, reason: 'EVDisconnected' }, 'secondary');
  store.close();
}

/** The shipped INI with the README's `[ext-server]` example put in place of its commented-out lines. */
function iniWithReadmeBackends(): string {
  const example = iniBlocks.find((b) => b.file === 'README.md' && /^\[ext-server\]/m.test(b.text));
  assert.ok(example, 'README.md has an ```ini block with [ext-server]');
  let ini = shippedIni;
  for (const key of ['server', 'secondary_server']) {
    const line = new RegExp(`^${key} = .+$`, 'm').exec(example.text);
    assert.ok(line, `the README's [ext-server] example sets ${key}`);
    const commented = new RegExp(`^;${key} = .*$`, 'm');
    assert.match(ini, commented, `the shipped INI has a commented-out ${key} line, as the README says`);
    ini = ini.replace(commented, line[0]);
  }
  return ini;
}

/** A directory laid out like a checkout after `npm ci && npm run build` (package.json, node_modules, dist). */
function checkout(): string {
  const dir = tempDir();
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  symlinkSync(join(root, 'dist'), join(dir, 'dist'));
  return dir;
}

/** A directory with `ocpp-proxy` (the built bundle on this Node) and nothing else on PATH before the system's. */
function wrapperBin(): string {
  const bin = join(tempDir(), 'bin');
  mkdirSync(bin);
  const wrapper = join(bin, 'ocpp-proxy');
  writeFileSync(wrapper, `#!/bin/sh\nexec "${process.execPath}" "${bundle}" "$@"\n`);
  chmodSync(wrapper, 0o755);
  return bin;
}

/** The environment a user's shell would give: no npm_* of an enclosing `npm test`, npm kept off the network. */
function shellEnv(bin: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  return {
    ...env,
    PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    NO_COLOR: '1',
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolvePort(true)));
  });
}

// ---- running a block -------------------------------------------------------------------------

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the block with bash (-e, pipefail) in `cwd`; it must end within `ms`. */
async function runBlock(text: string, cwd: string, ms = 60_000): Promise<Finished> {
  const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', text], { cwd, env: shellEnv(wrapperBin()), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  cleanups.push(() => killGroup(child, 'SIGKILL'));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code] = (await within(once(child, 'close'), `\`${text}\` to end`, ms)) as [number | null];
  return { code, stdout, stderr };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** A block that runs until stopped (Ctrl-C): watch its output, then stop it with SIGINT. */
class LiveBlock {
  readonly child: ChildProcess;
  private text = '';

  constructor(block: string, cwd: string) {
    this.child = spawn('bash', ['-e', '-o', 'pipefail', '-c', block], { cwd, env: shellEnv(wrapperBin()), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    cleanups.push(() => killGroup(this.child, 'SIGKILL'));
    this.child.stdout!.on('data', (d: Buffer) => (this.text += d.toString()));
    this.child.stderr!.on('data', (d: Buffer) => (this.text += d.toString()));
  }

  get output(): string {
    return this.text;
  }

  async waitFor(pattern: RegExp, what: string, ms = 20_000): Promise<RegExpExecArray> {
    await waitUntil(() => pattern.test(this.text) || this.child.exitCode !== null, what, ms);
    const match = pattern.exec(this.text);
    assert.ok(match, `${what}; the block ended (${this.child.exitCode}) with:\n${this.text}`);
    return match;
  }

  /** Ctrl-C: SIGINT to the block's process group; it must end within 10 s. Its exit code, or the signal's name. */
  async interrupt(): Promise<number | string> {
    const closed = once(this.child, 'close');
    killGroup(this.child, 'SIGINT');
    const [code, signal] = (await within(closed, 'the block to end after Ctrl-C', 10_000)) as [number | null, NodeJS.Signals | null];
    return code ?? String(signal);
  }
}

// ---- what is run, and what is not --------------------------------------------------------------

interface Run {
  /** Why it cannot run here, or false. */
  skip?: () => Promise<string | false> | string | false;
  test: (block: string) => Promise<void>;
}

function finished(prepare: (dir: string) => void | Promise<void>, check: (result: Finished, dir: string) => void | Promise<void>, cwd?: () => string): Run {
  return {
    test: async (block) => {
      const dir = cwd === undefined ? tempDir() : cwd();
      await prepare(dir);
      const result = await runBlock(block, dir);
      assert.equal(result.code, 0, `exit code of \`${block}\`; stderr:\n${result.stderr}\nstdout:\n${result.stdout}`);
      await check(result, dir);
    },
  };
}

const SESSIONS_TABLE = finished(withSessions, ({ stdout }, dir) => {
  const table = stdout.split('\n').filter((line) => /^\s*\d+\s+CP\d/.test(line));
  assert.deepEqual(table.map((line) => line.trim().split(/\s+/)[1]), ['CP1', 'CP2'], stdout);
  assert.match(stdout, /CP1\s+1\s+TAG1\s+primary\s+7\s+2026-11-20T10:00:00\.000Z\s+2026-11-20T12:00:00\.000Z\s+1000\s+12500\s+11\.5\s+4\.025\s+Local/);
  const csv = readFileSync(join(dir, existsSync(join(dir, 'november.csv')) ? 'november.csv' : 'sessions.csv'), 'utf8').trim().split('\n');
  assert.equal(csv.length, 2, `a header and the November session only:\n${csv.join('\n')}`);
  assert.match(csv[0]!, /^id,charger,connector,id_tag,owner,/);
  assert.match(csv[1]!, /^1,CP1,1,TAG1,primary,7,/);
});

const HASH_PASSWORD = finished(
  () => {},
  async ({ stdout, stderr }) => {
    assert.equal(stderr, '');
    const hash = parseStoredHash(stdout.trim());
    assert.ok(hash, `a [chargers] hash: ${stdout}`);
    assert.ok(await verifyPassword(Buffer.from('secret'), hash), 'the hash is of "secret" (one line read from the pipe)');
  },
);

/** Blocks that run, by their exact text. */
const RUN = new Map<string, Run>([
  [
    'npx ocpp-proxy check',
    {
      skip: () => (onPath('npx') ? false : 'npx is not on PATH'),
      ...finished(
        (dir) => withShippedIni(dir, iniWithReadmeBackends()),
        ({ stdout }) => {
          assert.match(stdout, /ocpp-2w-proxy\.ini: ok\n/);
          assert.match(stdout, /upstream primary \(primary\): wss:\/\/ocpp\.example-provider\.com\/ocpp\/<charger id>/);
          assert.match(stdout, /upstream secondary \(secondary\): ws:\/\/homeassistant\.local:9000\/<charger id>/);
          assert.doesNotMatch(stdout, /no backend configured/, 'with server set, the local CSMS is not used');
        },
        checkout,
      ),
    },
  ],
  [
    'ocpp-proxy --help',
    finished(
      () => {},
      ({ stdout }) => {
        assert.match(stdout, /^ocpp-proxy \[run\] \[options\]/);
        for (const command of ['run', 'check', 'sessions', 'logs', 'demo', 'hash-password']) assert.match(stdout, new RegExp(`ocpp-proxy ${command}\\b`));
      },
    ),
  ],
  [
    'ocpp-proxy check',
    finished(withShippedIni, ({ stdout }) => {
      assert.match(stdout, /ocpp-2w-proxy\.ini: ok\n/);
      assert.ok(stdout.includes(`warning: ${NO_BACKEND}`), `the shipped INI names no backend, and check says so:\n${stdout}`);
      assert.match(stdout, /upstream local \(primary\): the built-in local CSMS/);
    }),
  ],
  [
    'ocpp-proxy logs --no-payload | head -n 20',
    finished(
      (dir) => {
        withShippedIni(dir);
        writeFileSync(join(dir, 'ocpp_messages.log'), messageLog(20_000));
      },
      ({ stdout, stderr }) => {
        const lines = stdout.trimEnd().split('\n');
        assert.equal(lines.length, 20);
        assert.equal(lines[0], '2026-11-21 10:00:00.000 CP1 charger → primary CALL Heartbeat 0');
        assert.equal(lines[1], '2026-11-21 10:00:00.040 CP1 primary → charger CALLRESULT Heartbeat 0');
        assert.equal(stderr, '', 'the reader going away ends the command quietly');
      },
    ),
  ],
  [
    'ocpp-proxy logs --follow --charger CP1   # either format (JSON is the default), across rotation\ntail -f ocpp_messages.log                # the text log: one plain line per frame and hop',
    {
      skip: () => (onPath('tail') ? false : 'tail is not on PATH'),
      test: async (block) => {
        const [followLine, tailLine] = block.split('\n') as [string, string];
        // The first line: the JSON log, and text lines after a restart with [messages] format = text.
        const dir = tempDir();
        withShippedIni(dir);
        writeFileSync(join(dir, 'ocpp_messages.log'), messageLog(5));
        const live = new LiveBlock(followLine, dir);
        await live.waitFor(/CP1 primary → charger CALLRESULT Heartbeat 3\n/, 'the existing CP1 lines');
        appendFileSync(join(dir, 'ocpp_messages.log'), `${entry('2026-11-21T10:01:00.000Z', 'CP1', 'charger', 'primary', 'CALL', 'new-1', 'StatusNotification', '[2,"new-1","StatusNotification",{"connectorId":1}]')}\n`);
        await live.waitFor(/CP1 charger → primary CALL StatusNotification new-1\n {2}\{"connectorId":1\}/, 'a line written later');
        appendFileSync(join(dir, 'ocpp_messages.log'), '2026-11-21 11:02:00.000+01:00 CP1 charger→primary CALL StatusNotification new-2 [] {"connectorId":2}\n');
        await live.waitFor(/2026-11-21 10:02:00\.000 CP1 charger → primary CALL StatusNotification new-2\n {2}\{"connectorId":2\}/, 'a text line written later');
        assert.doesNotMatch(live.output, /CP2/, '--charger CP1 leaves CP2 out');
        const code = await live.interrupt();
        assert.ok(code === 0 || code === 130 || code === 'SIGINT', `Ctrl-C ends it (exit ${code})`);

        // The second line: tail -f on the text log of a running proxy (the shipped INI, the local CSMS answering).
        const textDir = tempDir();
        withShippedIni(textDir);
        const port = await freePort();
        const proxy = new LiveBlock(`ocpp-proxy --listen-host 127.0.0.1 --listen-port ${port} --web-port 0 --log-format text`, textDir);
        await proxy.waitFor(/message log: /, 'the proxy to start');
        const tail = new LiveBlock(tailLine, textDir);
        const charger = await rawCharger(port, '/CP1');
        cleanups.push(() => charger.ws.terminate());
        charger.ws.send('[2,"b1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]');
        const answer = await charger.nextFrame();
        const [, upstream] = await tail.waitFor(
          /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d CP1 charger→(\S+) CALL BootNotification b1 \[protocol=ocpp1\.6,protocol_source=subprotocol\] \{"chargePointVendor":"V","chargePointModel":"M"\}$/m,
          'the charger\'s frame in the text log',
        );
        const payload = answer.slice('[3,"b1",'.length, -1);
        await tail.waitFor(new RegExp(` CP1 ${upstream}→charger CALLRESULT BootNotification b1 \\[\\] ${payload.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'), 'the answer as the charger got it');
        assert.doesNotMatch(tail.output, /\u001b/, 'no colour codes in the file');
        charger.ws.terminate();
        await tail.interrupt();
        assert.equal(await proxy.interrupt(), 0);
      },
    },
  ],
  ['ocpp-proxy sessions\nocpp-proxy sessions --csv --since 2026-11-01 > sessions.csv', SESSIONS_TABLE],
  ['ocpp-proxy sessions                          # a table\nocpp-proxy sessions --csv --since 2026-11-01 --charger CP1 > november.csv', SESSIONS_TABLE],
  ['echo secret | ocpp-proxy hash-password', HASH_PASSWORD],
  [
    'ocpp-proxy demo',
    {
      test: async (block) => {
        const live = new LiveBlock(block, tempDir());
        const [, url] = await live.waitFor(/demo: watch it at (http:\/\/127\.0\.0\.1:\d+\/) /, 'the demo to print the monitor address');
        type Status = { chargers: Array<{ id: string; upstreams: Array<{ name: string; state: string }> }> };
        const connected = (status: Status) => {
          const charger = status.chargers.find((c) => c.id === 'DEMO-CHARGER');
          return charger !== undefined && charger.upstreams.length === 2 && charger.upstreams.every((u) => u.state === 'open');
        };
        const deadline = Date.now() + 20_000;
        let status: Status = { chargers: [] };
        while (!connected(status)) {
          assert.ok(Date.now() < deadline, `the simulated charger connected through the proxy to both simulated backends; last status: ${JSON.stringify(status)}`);
          await new Promise((resolveWait) => setTimeout(resolveWait, 100));
          status = (await (await fetch(`${url}api/status`)).json()) as Status;
        }
        const messages = (await (await fetch(`${url}api/messages`)).json()) as { messages?: unknown[] } | unknown[];
        assert.ok((Array.isArray(messages) ? messages : (messages.messages ?? [])).length > 0, 'messages in the monitor');
        assert.equal(await live.interrupt(), 0, 'Ctrl-C stops the demo cleanly');
      },
    },
  ],
  [
    'curl -s http://127.0.0.1:8889/api/status',
    {
      skip: async () => (!onPath('curl') ? 'curl is not on PATH' : (await portFree(8889)) ? false : '127.0.0.1:8889 is in use'),
      test: async (block) => {
        const dir = tempDir();
        withShippedIni(dir);
        const proxy = new LiveBlock(`ocpp-proxy --listen-host 127.0.0.1 --listen-port ${await freePort()}`, dir);
        await proxy.waitFor(/web monitor on http:\/\/127\.0\.0\.1:8889\//, 'the proxy with its monitor on 8889');
        const { code, stdout } = await runBlock(block, dir);
        assert.equal(code, 0);
        const status = JSON.parse(stdout) as { chargers: unknown[]; warnings: string[] };
        assert.deepEqual(status.chargers, []);
        assert.ok(status.warnings.some((w) => w.startsWith(NO_BACKEND)), `warnings in /api/status: ${stdout}`);
        assert.equal(await proxy.interrupt(), 0);
      },
    },
  ],
  [
    './dist/ocpp-proxy --version',
    {
      skip: () => (existsSync(join(root, 'dist/ocpp-proxy')) ? false : 'dist/ocpp-proxy is not built (node build.mjs --no-sea)'),
      ...finished(
        () => {},
        ({ stdout }) => assert.equal(stdout.trim(), version),
        () => root,
      ),
    },
  ],
]);

const NETWORK_BUILD = 'installs from the npm registry (network) and rewrites dist/, which the other tests run; `npm test` in CI does exactly this before the tests';
const ROOT = 'needs root and a systemd host; test/systemd checks install.sh (with DESTDIR) and the unit';
const DOCKER = 'needs Docker and the network; test/cli/docker.test.ts checks the entrypoint without Docker';

/** Blocks that are not run, by their exact text, and why. */
const NOT_RUN = new Map<string, string>([
  ['npm ci && npm run build', NETWORK_BUILD],
  ['npm start', 'listens for chargers on 0.0.0.0:8888 (not loopback) and runs until stopped; the daemon is tested in test/cli'],
  ['npm ci && npm run build && sudo systemd/install.sh', `${NETWORK_BUILD}; and ${ROOT}`],
  ['sudo ocpp-proxy check -c /etc/ocpp-proxy/ocpp-2w-proxy.ini\nsudo systemctl enable --now ocpp-proxy', ROOT],
  ['sudoedit /etc/ocpp-proxy/ocpp-2w-proxy.ini\nsudo ocpp-proxy check -c /etc/ocpp-proxy/ocpp-2w-proxy.ini\nsudo systemctl enable --now ocpp-proxy', ROOT],
  ['sudo ocpp-proxy logs --follow\nsudo ocpp-proxy sessions -c /etc/ocpp-proxy/ocpp-2w-proxy.ini', `${ROOT}; logs and sessions themselves run above`],
  ['journalctl -u ocpp-proxy -f\nsudo systemctl reload ocpp-proxy', ROOT],
  ['sudo systemd/install.sh --uninstall', ROOT],
  ['docker compose up -d', DOCKER],
  ['docker compose up -d\ndocker compose logs -f', DOCKER],
  ['npm ci && npm test', 'the whole suite, this test included: it is what CI runs'],
  ['node_modules/.bin/node --test test/readme.test.ts', 'this test itself'],
  ['OCPP_PROXY_SCREENSHOTS=docs node_modules/.bin/node --test test/web/browser.test.ts', 'rewrites docs/*.png and needs Chromium; test/web/browser.test.ts runs without the variable in npm test'],
  ['npm run bench\nnpm run bench -- --quick\nnpm run soak -- --chargers=1000 --minutes=10\nnpm run fuzz', 'minutes of run time, thousands of sockets, and rebuilds dist/'],
]);

// ---- the tests -----------------------------------------------------------------------------

test('the documentation has shell blocks to check, and the parser finds them', () => {
  assert.ok(shellBlocks.some((b) => b.file === 'README.md' && b.text === 'ocpp-proxy --help'));
  assert.ok(shellBlocks.some((b) => b.file === 'README.md' && b.text === 'npm ci && npm run build'), 'an indented block in a list item');
  const parsed = codeBlocks('x.md', 'text\n\n  ```sh\n  a\n    b\n  ```\n\n````ini\n```\n[x]\n````\n');
  assert.deepEqual(parsed.map((b) => [b.lang, b.text]), [['sh', 'a\n  b'], ['ini', '```\n[x]']]);
});

test('every shell block is either run by this test or listed with the reason it is not', () => {
  const unchecked = shellBlocks.filter((b) => !RUN.has(b.text) && !NOT_RUN.has(b.text));
  assert.deepEqual(
    unchecked.map((b) => `${b.file}:${b.line}: ${JSON.stringify(b.text)}`),
    [],
    'add these blocks to RUN (with a test) or NOT_RUN (with the reason) in test/readme.test.ts',
  );
  for (const [text, reason] of NOT_RUN) assert.ok(reason.length > 10 && !RUN.has(text), `a reason for ${JSON.stringify(text)}`);
  const texts = new Set(shellBlocks.map((b) => b.text));
  const stale = [...RUN.keys(), ...NOT_RUN.keys()].filter((text) => !texts.has(text));
  assert.deepEqual(stale, [], 'listed blocks that no documentation contains any more');
});

for (const [text, run] of RUN) {
  const where = shellBlocks.filter((b) => b.text === text).map((b) => `${b.file}:${b.line}`);
  test(`runs as written: ${JSON.stringify(text)} (${where.join(', ') || 'not in the documentation'})`, async (t) => {
    if (where.length === 0) return assert.fail('this block is in no document (see the listing test)');
    const skip = (await run.skip?.()) ?? false;
    if (skip !== false) return t.skip(skip);
    assert.ok(existsSync(bundle), 'dist/ocpp-proxy.mjs is built (node build.mjs --no-sea)');
    await run.test(text);
  });
}

test('every ```ini block is a configuration `ocpp-proxy check` accepts', () => {
  assert.ok(iniBlocks.length >= 5, 'the documentation shows its INI examples');
  const dir = tempDir();
  for (const block of iniBlocks) {
    const file = join(dir, `block-${block.line}.ini`);
    writeFileSync(file, `${block.text}\n`);
    // A primary from the command line, so that partial examples (one section) make a whole configuration.
    const result = spawnSync(process.execPath, [bundle, 'check', '-c', file, '--primary', 'ws://127.0.0.1:9/ocpp'], { encoding: 'utf8', timeout: 20_000, cwd: dir });
    assert.equal(result.status, 0, `${block.file}:${block.line}:\n${block.text}\n→ ${result.stdout}${result.stderr}`);
  }
});

test('the README says what the proxy says when no backend is configured', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\s+/g, ' ');
  assert.ok(readme.includes(NO_BACKEND), 'the README quotes the warning');
  assert.doesNotMatch(readme, /forwards to a CSMS at `?ws:\/\/127\.0\.0\.1:8887/, 'the shipped INI does not forward to 8887');
  assert.match(shippedIni, /^\[upstream\.local\]\nrole = local$/m);
  assert.doesNotMatch(shippedIni, /^server\s*=/m, 'the shipped INI names no backend');
});

/** GitHub's anchors for the headings of a Markdown text. */
function anchors(markdown: string): Set<string> {
  const slugs = new Set<string>();
  for (const [, heading] of markdown.matchAll(/^#{1,6} (.+)$/gm)) {
    slugs.add(heading!.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-'));
  }
  return slugs;
}

test('links between the documents point to files and headings that exist; the README stays short', () => {
  for (const file of DOCUMENTS) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [pathPart, fragment] = target!.split('#') as [string, string | undefined];
      const path = pathPart === '' ? join(root, file) : resolve(dirname(join(root, file)), pathPart);
      assert.ok(existsSync(path), `${file}: link to ${target} (no ${path})`);
      if (fragment !== undefined) assert.ok(anchors(readFileSync(path, 'utf8')).has(fragment), `${file}: link to ${target}: no such heading`);
    }
  }
  const lines = readFileSync(join(root, 'README.md'), 'utf8').trimEnd().split('\n').length;
  assert.ok(lines <= 250, `README.md has ${lines} lines; move reference material to docs/`);
});
