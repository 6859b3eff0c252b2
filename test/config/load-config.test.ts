// Configuration: CLI > INI > defaults, ocpp-2w-proxy.ini compatibility, and every error path.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DEFAULTS } from '../../src/config/config.ts';
import { formatProblem, loadConfig, type CliOptions } from '../../src/config/load-config.ts';
import { tempDir, writeIni } from '../helpers/peers.ts';

/** The example from CONTRACT.md, verbatim (comments after section headers included). */
const CONTRACT_EXAMPLE = `[logging]                      ; logger = level, as in ocpp-2w-proxy
proxy = INFO
websockets.client = INFO       ; upstream connections
websockets.server = INFO       ; charger connections

[host]
addr = 0.0.0.0
port = 8888
ping_timeout = 60              ; s without a pong before a socket is dropped
watchdog_stale = 500           ; s without any frame before a charger session is closed
watchdog_interval = 100        ; s between watchdog sweeps
call_timeout = 30              ; s an upstream's call may wait for the charger's answer
primary_grace = 0              ; s to keep a charger while its primary reconnects
cert_chain = /etc/ocpp-proxy/fullchain.pem   ; both set: the listener speaks wss
cert_key = /etc/ocpp-proxy/privkey.pem

[ext-server]
server = ws://primary.example.com:80/ocpp           ; primary
secondary_server = ws://192.168.1.100:9000          ; optional; absent or empty: 1-way mode
primary_rfid = ABCDEF123, 0411223344                ; optional RFID split (comma list)
secondary_rfid = XYZ123

[upstream.NAME]                ; any number, in addition to [ext-server]
url = wss://fleet.example.com/ocpp
role = secondary               ; primary | secondary | observer
rfid = TAG1, TAG2              ; sessions of these tags belong to this upstream

[web]
host = 127.0.0.1
port = 8889

[messages]
file = ocpp_messages.log

[fixups]
url = true                     ; collapse '//' in the charger's path
timestamps = true              ; repair invalid timestamps in charger messages

[autoconfig]                   ; sent to the charger after its BootNotification is Accepted
LocalPreAuthorize = true
LocalAuthorizeOffline = false
LocalAuthListEnabled = false
AuthorizeRemoteTxRequests = false

[store]
path = ocpp-proxy.db
`;

/** An ocpp-2w-proxy.ini as its users have it (1-way: empty secondary). */
const ORIGINAL_2W_INI = `[logging]
proxy = DEBUG
websockets.client = WARNING
websockets.server = ERROR

[host]
addr = 0.0.0.0
port = 8321
watchdog_stale = 300
watchdog_interval = 60
ping_timeout = 20

[ext-server]
server = ws://ocpp.provider.com:80
secondary_server =
`;

/** `null`: an empty file, so the repository's own ocpp-2w-proxy.ini (the default path) stays out of it. */
function load(ini: string | null, cli: CliOptions = {}) {
  return loadConfig({ config: writeIni(ini ?? ''), ...cli });
}

function problemLines(ini: string | null, cli: CliOptions = {}): string[] {
  return load(ini, cli).problems.map((p) => formatProblem(p).replace(/^.*?test\.ini: /, 'FILE: '));
}

describe('valid configurations', () => {
  test('the contract example works as written', () => {
    const { config, problems } = load(CONTRACT_EXAMPLE);
    assert.deepEqual(problems, []);
    assert.ok(config);
    assert.deepEqual(config.upstreams.map((u) => [u.name, u.role, u.url, u.rfid]), [
      ['primary', 'primary', 'ws://primary.example.com:80/ocpp', ['ABCDEF123', '0411223344']],
      ['secondary', 'secondary', 'ws://192.168.1.100:9000', ['XYZ123']],
      ['NAME', 'secondary', 'wss://fleet.example.com/ocpp', ['TAG1', 'TAG2']],
    ]);
    assert.deepEqual(config.autoconfig, [
      ['LocalPreAuthorize', 'true'],
      ['LocalAuthorizeOffline', 'false'],
      ['LocalAuthListEnabled', 'false'],
      ['AuthorizeRemoteTxRequests', 'false'],
    ]);
    assert.equal(config.listen.certChain, '/etc/ocpp-proxy/fullchain.pem');
    assert.equal(config.messageLogFile, 'ocpp_messages.log');
  });

  test('an unchanged ocpp-2w-proxy.ini works: levels, host, 1-way mode', () => {
    const { config, problems } = load(ORIGINAL_2W_INI);
    assert.deepEqual(problems, []);
    assert.ok(config);
    assert.deepEqual(config.logLevels, { proxy: 'DEBUG', client: 'WARNING', server: 'ERROR' });
    assert.deepEqual(config.listen, { host: '0.0.0.0', port: 8321, certChain: null, certKey: null });
    assert.equal(config.timeouts.watchdogStale, 300);
    assert.equal(config.timeouts.watchdogInterval, 60);
    assert.equal(config.timeouts.pingTimeout, 20);
    assert.deepEqual(config.upstreams.map((u) => u.name), ['primary']);
  });

  test('defaults apply where neither CLI nor INI says anything', () => {
    const { config } = load(null, { primary: 'ws://127.0.0.1:9000' });
    assert.ok(config);
    assert.deepEqual(config.listen, DEFAULTS.listen);
    assert.deepEqual(config.web, DEFAULTS.web);
    assert.equal(config.messageLogFile, './ocpp_messages.log');
    assert.equal(config.statePath, './ocpp-proxy.db');
    assert.equal(config.timeouts.callTimeout, 30);
    assert.equal(config.maxMessageSize, 1024 * 1024);
  });

  test('[store] shared state: url, instance (the host name by default), wait, lease; a bad url is named, never shown', async () => {
    const { hostname } = await import('node:os');
    assert.deepEqual(load('[ext-server]\nserver = ws://p:1\n').config!.store, { url: null, instance: hostname(), wait: false, lease: 30 });
    const ini = '[ext-server]\nserver = ws://p:1\n[store]\nurl = postgres://ocpp:s3cret@db/ocpp\ninstance = proxy-a\nwait = true\nlease = 12.5\n';
    assert.deepEqual(load(ini).config!.store, { url: 'postgres://ocpp:s3cret@db/ocpp', instance: 'proxy-a', wait: true, lease: 12.5 });
    const bad = problemLines('[ext-server]\nserver = ws://p:1\n[store]\nurl = http://ocpp:s3cret@db/ocpp\nlease = 0\n');
    assert.ok(bad.some((line) => /\[store\] url: must start with postgres:\/\/ or postgresql:\/\//.test(line)), bad.join('\n'));
    assert.ok(bad.some((line) => /\[store\] lease/.test(line)), bad.join('\n'));
    assert.ok(!bad.join('\n').includes('s3cret'));
  });

  test('the command line overrides the INI file, which overrides the defaults', () => {
    const ini = `[host]\nport = 9100\naddr = 127.0.0.2\n[logging]\nproxy = WARNING\n[web]\nport = 9101\n[messages]\nfile = from-ini.log\n[ext-server]\nserver = ws://ini-primary:1\nsecondary_server = ws://ini-secondary:2\n`;
    const fromIni = load(ini).config!;
    assert.equal(fromIni.listen.port, 9100);
    assert.equal(fromIni.logLevels.proxy, 'WARNING');
    const both = load(ini, {
      listenPort: '9200', webPort: '0', logFile: 'cli.log', logLevel: 'error', primary: 'wss://cli-primary/ocpp',
      secondary: ['ws://s1:1', 'ws://s2:2'], state: 'cli.db',
    }).config!;
    assert.equal(both.listen.port, 9200);
    assert.equal(both.listen.host, '127.0.0.2', 'what the CLI does not set still comes from the INI');
    assert.equal(both.web.port, 0);
    assert.equal(both.messageLogFile, 'cli.log');
    assert.equal(both.logLevels.proxy, 'ERROR');
    assert.equal(both.statePath, 'cli.db');
    assert.deepEqual(both.upstreams.map((u) => `${u.name}=${u.url}`), ['primary=wss://cli-primary/ocpp', 'secondary=ws://s1:1', 'secondary2=ws://s2:2']);
    assert.equal(load(ini, { debug: true }).config!.logLevels.proxy, 'DEBUG');
  });

  test('Wallbox-EVCC-Proxy flags: --target-host/--target-port make the primary', () => {
    assert.equal(load(null, { targetHost: '192.0.2.7', targetPort: '9999' }).config!.upstreams[0]!.url, 'ws://192.0.2.7:9999');
    assert.equal(load(null, { targetHost: '192.0.2.7' }).config!.upstreams[0]!.url, 'ws://192.0.2.7:8887');
    assert.equal(load('[ext-server]\nserver = ws://ini:1\n', { targetHost: 'h' }).config!.upstreams[0]!.url, 'ws://h:8887');
  });

  test('[upstream.NAME] sections, dotted names, roles; the primary comes first', () => {
    const { config, problems } = load('[upstream.home.assistant]\nurl = ws://ha:9000\nrole = observer\n[upstream.main]\nurl = ws://main:1\nrole = primary\ndeny_actions = Reset\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(config!.upstreams.map((u) => [u.name, u.role, u.denyActions]), [
      ['main', 'primary', ['Reset']],
      ['home.assistant', 'observer', []],
    ]);
  });
});

describe('version translation keys', () => {
  test('protocol per upstream, primary_protocol and secondary_protocol for [ext-server]; not for the local CSMS', () => {
    const { config, problems } = load('[ext-server]\nserver = ws://p:1\nprimary_protocol = ocpp1.6\nsecondary_server = ws://s:1\nsecondary_protocol = ocpp1.6\n[upstream.evcc]\nurl = ws://e:1\nprotocol = ocpp1.6\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(config!.upstreams.map((u) => [u.name, u.protocol]), [['primary', 'ocpp1.6'], ['secondary', 'ocpp1.6'], ['evcc', 'ocpp1.6']]);
    assert.deepEqual(problemLines('[upstream.local]\nrole = local\nprotocol = ocpp1.6\n[upstream.e]\nurl = ws://e:1\nprotocol = ocpp1.5\n'), [
      "FILE: [upstream.e] protocol: 'ocpp1.5' is not ocpp1.6, ocpp2.0.1 or ocpp2.1",
      "FILE: [upstream.local] protocol: the local CSMS speaks the charger's version; protocol does not apply",
    ]);
  });
});

describe('problems', () => {
  test('names every plain object inherits are unknown keys and sections, not settings', () => {
    assert.deepEqual(problemLines('[ext-server]\nserver = ws://p:1\n[host]\nconstructor = 1\ntoString = 2\n[constructor]\na = 1\n[upstream.e]\nurl = ws://e:1\nvalueOf = 3\n'), [
      'FILE: [upstream.e] valueOf: unknown key',
      'FILE: [constructor]: unknown section',
      'FILE: [host] constructor: unknown key',
      'FILE: [host] toString: unknown key',
    ]);
  });

  test('each bad value names file, section and key', () => {
    const lines = problemLines(`[host]
port = 70000
watchdog_stale = soon
colour = blue
[web]
port = -1
[ext-server]
server = http://example.com
secondary_server = not a url
[logging]
proxy = LOUD
[fixups]
url = maybe
[weird]
a = 1
`);
    assert.deepEqual(lines, [
      'FILE: [weird]: unknown section',
      'FILE: [host] colour: unknown key',
      "FILE: [logging] proxy: 'LOUD' is not a log level (DEBUG, INFO, WARNING, ERROR)",
      "FILE: [host] port: '70000' is not a port (1-65535)",
      "FILE: [host] watchdog_stale: 'soon' is not a number of seconds (>= 0)",
      "FILE: [web] port: '-1' is not a port (1-65535, or 0 for off)",
      "FILE: [fixups] url: 'maybe' is not true or false",
      "FILE: [ext-server] server: 'http://example.com' must start with ws:// or wss://",
      "FILE: [ext-server] secondary_server: 'not a url' is not a URL (expected ws://HOST[:PORT][/PATH] or wss://…)",
      'FILE: [ext-server] server: no primary upstream: set [ext-server] server, --primary URL or --target-host HOST',
    ]);
  });

  test('command-line problems name the option', () => {
    assert.deepEqual(problemLines(null, { primary: 'ws://a:1', targetHost: 'b' }).map((l) => l.replace(/^FILE: /, '')), [
      'command line: --primary: cannot be combined with --target-host/--target-port',
    ]);
    assert.deepEqual(problemLines(null, { primary: 'ws://a:1', listenPort: '0' }), [
      "command line: --listen-port: '0' is not a port (1-65535)",
    ]);
    assert.deepEqual(problemLines(null, { primary: 'ws://a:1', logLevel: 'chatty' }), [
      "command line: --log-level: 'chatty' is not a log level (DEBUG, INFO, WARNING, ERROR)",
    ]);
  });

  test('a missing explicit file cannot be used at all', () => {
    const path = join(tempDir(), 'nope.ini');
    const result = loadConfig({ config: path });
    assert.equal(result.unreadable, true);
    assert.equal(result.config, null);
    assert.deepEqual(result.problems.map(formatProblem), [`${path}: configuration file not found`]);
  });

  test('structure: keys outside sections, two primaries, reserved names, a url-less upstream, half a certificate', () => {
    const lines = problemLines(`stray = 1
[ext-server]
server = ws://a:1
[upstream.second]
url = ws://b:1
role = primary
[upstream.primary]
url = ws://c:1
[upstream.nourl]
role = observer
[host]
cert_chain = /x.pem
`);
    assert.deepEqual(lines, [
      'FILE: stray: is outside any section',
      'FILE: [host] cert_key: cert_chain and cert_key must be set together',
      'FILE: [upstream.second] role: there is already a primary; exactly one upstream is primary',
      "FILE: [upstream.primary]: upstream name 'primary' is reserved or already used",
      'FILE: [upstream.nourl] url: missing (every upstream needs a url)',
    ]);
  });
});
