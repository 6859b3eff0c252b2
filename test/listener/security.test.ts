// Security: charger Basic Auth on the listener, credentials toward upstreams, TLS on both sides
// (wss listener with SIGHUP reload, wss upstreams with CA pinning, client certificates, insecure).

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect as netConnect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { connect as tlsConnect, type PeerCertificate, type TLSSocket } from 'node:tls';
import { RPCServer } from 'ocpp-rpc';
import { WebSocket } from 'ws';
import { hashPassword } from '../../src/auth/charger-auth.ts';
import { cleanupAfter, bootParams, defaultCsmsHandlers, iniFor, startCsms, startProxy, strictCharger, tempDir, within, type RPCClientLike, type TestProxy } from '../helpers/peers.ts';

const cleanups = cleanupAfter();

function basic(credentials: Buffer | string): string {
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}

interface HandshakeResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

/** Opens a raw WebSocket and resolves with the HTTP status it was refused with (or 101 and no headers). */
async function rawHandshake(url: string, headers: Record<string, string> = {}, protocols: string[] = ['ocpp1.6']): Promise<HandshakeResult> {
  const ws = new WebSocket(url, protocols, { headers, perMessageDeflate: false });
  return within(
    new Promise<HandshakeResult>((resolve, reject) => {
      ws.on('unexpected-response', (_req, res) => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
        res.destroy();
      });
      ws.on('open', () => {
        resolve({ status: 101, headers: {} });
        ws.terminate();
      });
      ws.on('error', (error) => {
        if (!/Unexpected server response/.test(error.message)) reject(error);
      });
    }),
    `the handshake of ${url}`,
  );
}

/** Everything the proxy wrote about itself and the frames: where a secret must never show up. */
function everythingLogged(proxy: TestProxy): string {
  return `${proxy.console.join('\n')}\n${proxy.entries.map((entry) => JSON.stringify(entry)).join('\n')}`;
}

// ---- 1. charger authentication ---------------------------------------------------------------

describe('charger authentication ([host] require_auth)', () => {
  test('right password connects; wrong password, other user name, no header: 401 with WWW-Authenticate, no upstream link', async () => {
    const primary = await startCsms();
    const hash = await hashPassword('right-pass');
    const proxy = await startProxy(`${iniFor(primary.url)}[host]\nrequire_auth = true\n[chargers]\nAUTH1 = ${hash}\nAUTH2 = ${hash}\n`);
    cleanups.push(() => primary.close(), () => proxy.close());
    const url = `ws://127.0.0.1:${proxy.port}/AUTH1`;

    const wrong = strictCharger(proxy.port, 'AUTH1', ['ocpp1.6'], { password: 'wrong-pass' });
    await assert.rejects(wrong.connect(), (error: Error & { code?: number }) => /401/.test(`${error.message} ${error.code}`));

    const refused: Array<[string, Record<string, string>]> = [
      ['wrong password', { Authorization: basic('AUTH1:wrong-pass') }],
      ['right password, user name differs from the URL id', { Authorization: basic('AUTH2:right-pass') }],
      ['right password, user name differs only in case', { Authorization: basic('auth1:right-pass') }],
      ['no Authorization header', {}],
      ['not Basic', { Authorization: 'Bearer right-pass' }],
      ['not base64', { Authorization: 'Basic AUTH1:right-pass' }],
      ['no colon', { Authorization: basic('AUTH1right-pass') }],
    ];
    for (const [what, headers] of refused) {
      const result = await rawHandshake(url, headers);
      assert.equal(result.status, 401, what);
      const challenge = result.headers['www-authenticate'];
      assert.equal(typeof challenge, 'string', `${what}: a WWW-Authenticate header`);
      assert.match(challenge as string, /^Basic\b/i, what);
    }

    const right = strictCharger(proxy.port, 'AUTH1', ['ocpp1.6'], { password: 'right-pass' });
    cleanups.push(() => right.close({ force: true }));
    await within(right.connect(), 'the charger with the right password to connect');
    const atPrimary = await primary.nextClient();
    assert.equal(atPrimary.identity, 'AUTH1');
    const reply = (await within(right.call('BootNotification', bootParams('ocpp1.6')), 'the BootNotification reply')) as { status: string };
    assert.equal(reply.status, 'Accepted');
    // The refused attempts came first: had any of them opened a link, it would be here too.
    assert.equal(primary.clients.length, 1, 'the primary saw only the accepted charger');
  });

  test('an id not listed in [chargers] gets 404, even with a password valid for another id', async () => {
    const primary = await startCsms();
    const hash = await hashPassword('right-pass');
    const proxy = await startProxy(`${iniFor(primary.url)}[host]\nrequire_auth = true\n[chargers]\nLISTED = ${hash}\n`);
    cleanups.push(() => primary.close(), () => proxy.close());
    const unlisted = await rawHandshake(`ws://127.0.0.1:${proxy.port}/UNLISTED`, { Authorization: basic('UNLISTED:right-pass') });
    assert.equal(unlisted.status, 404);
    const noHeader = await rawHandshake(`ws://127.0.0.1:${proxy.port}/UNLISTED`);
    assert.equal(noHeader.status, 404);
    const listed = await rawHandshake(`ws://127.0.0.1:${proxy.port}/LISTED`, { Authorization: basic('LISTED:right-pass') });
    assert.equal(listed.status, 101);
    const atPrimary = await primary.nextClient();
    assert.equal(atPrimary.identity, 'LISTED');
    assert.equal(primary.clients.length, 1, 'no link for the unlisted id');
  });

  test('a binary password (0x00, 0xff, ":") in a hand-made header is accepted; one byte off is not', async () => {
    const primary = await startCsms();
    const password = Buffer.from([0x00, 0xff, 0x3a, 0x41, 0x80, 0x3a, 0x0a, 0x00, 0xfe]);
    const hash = await hashPassword(password);
    const proxy = await startProxy(`${iniFor(primary.url)}[host]\nrequire_auth = true\n[chargers]\nCP1 = ${hash}\n`);
    cleanups.push(() => primary.close(), () => proxy.close());
    const header = (pw: Buffer) => `Basic ${Buffer.concat([Buffer.from('CP1:'), pw]).toString('base64')}`;

    const offByOne = Buffer.from(password);
    offByOne[offByOne.length - 1] = 0xff;
    assert.equal((await rawHandshake(`ws://127.0.0.1:${proxy.port}/CP1`, { Authorization: header(offByOne) })).status, 401);
    const truncated = password.subarray(0, 2); // up to the embedded ':' only
    assert.equal((await rawHandshake(`ws://127.0.0.1:${proxy.port}/CP1`, { Authorization: header(truncated) })).status, 401);

    const ws = new WebSocket(`ws://127.0.0.1:${proxy.port}/CP1`, ['ocpp1.6'], { headers: { Authorization: header(password) }, perMessageDeflate: false });
    cleanups.push(() => ws.terminate());
    await within(once(ws, 'open'), 'the charger with the binary password to connect');
    assert.equal(ws.protocol, 'ocpp1.6');
    const atPrimary = await primary.nextClient();
    assert.equal(atPrimary.identity, 'CP1');
    assert.deepEqual((atPrimary.handshake as unknown as { password?: Buffer }).password, password, 'the primary gets the charger credentials byte for byte (auth = forward)');
  });

  test('neither the console nor the message log ever shows a password or the Basic header', async () => {
    const primary = await startCsms();
    const secondary = await startCsms();
    const hash = await hashPassword('Sup3r-Secret-Key');
    const proxy = await startProxy(
      `${iniFor(primary.url, secondary.url)}[host]\nrequire_auth = true\n[chargers]\nSEC1 = ${hash}\n` +
        `[upstream.billing]\nurl = ${secondary.url}/billing\nauth = basic\nusername = proxy-user\npassword = Upstream-Pass-42\n`,
    );
    cleanups.push(() => primary.close(), () => secondary.close(), () => proxy.close());

    const wrong = strictCharger(proxy.port, 'SEC1', ['ocpp1.6'], { password: 'Wrong-Secret-Key' });
    await assert.rejects(wrong.connect());
    const charger = strictCharger(proxy.port, 'SEC1', ['ocpp1.6'], { password: 'Sup3r-Secret-Key' });
    cleanups.push(() => charger.close({ force: true }));
    await within(charger.connect(), 'the charger to connect');
    await primary.nextClient();
    const reply = (await within(charger.call('BootNotification', bootParams('ocpp1.6')), 'the BootNotification reply')) as { status: string };
    assert.equal(reply.status, 'Accepted');
    await proxy.entry((e) => e.action === 'BootNotification' && e.from === 'charger' && e.to === 'billing', 'the Boot to billing');
    await proxy.entry((e) => e.action === 'BootNotification' && e.from === 'primary', 'the Boot reply from the primary');

    const logged = everythingLogged(proxy);
    assert.ok(proxy.console.length > 0 && proxy.entries.length > 0, 'something was logged (else the check below proves nothing)');
    for (const secret of [
      'Sup3r-Secret-Key',
      'Wrong-Secret-Key',
      'Upstream-Pass-42',
      Buffer.from('SEC1:Sup3r-Secret-Key').toString('base64'),
      Buffer.from('SEC1:Wrong-Secret-Key').toString('base64'),
      Buffer.from('proxy-user:Upstream-Pass-42').toString('base64'),
      hash,
    ]) {
      assert.ok(!logged.includes(secret), `"${secret}" must not be logged`);
    }
  });
});

// ---- 2. credentials toward upstreams ---------------------------------------------------------

describe('upstream credentials', () => {
  test('auth = basic sends its own user name and password; charger_id renames the charger; the charger credentials reach the primary only', async () => {
    const primary = await startCsms();
    const billing = await startCsms();
    const other = await startCsms();
    const alias = await startCsms();
    const proxy = await startProxy(
      `${iniFor(primary.url)}` +
        `[upstream.billing]\nurl = ${billing.url}\nauth = basic\nusername = proxy-user\npassword = upstream-pass\n` +
        `[upstream.other]\nurl = ${other.url}/base/\ncharger_id = OTHER\n` +
        `[upstream.alias]\nurl = ${alias.url}\ncharger_id = ALIAS\nauth = basic\npassword = alias-pass\n`,
    );
    cleanups.push(() => primary.close(), () => billing.close(), () => other.close(), () => alias.close(), () => proxy.close());

    const charger = strictCharger(proxy.port, 'CRED1', ['ocpp1.6'], { password: 'charger-pass' });
    cleanups.push(() => charger.close({ force: true }));
    await within(charger.connect(), 'the charger to connect');
    const chargerHeader = basic('CRED1:charger-pass');

    const atPrimary = await primary.nextClient();
    assert.equal(atPrimary.identity, 'CRED1');
    assert.equal(atPrimary.handshake.headers.authorization, chargerHeader, 'the primary gets the charger credentials (auth = forward)');

    const atBilling = await billing.nextClient();
    assert.equal(atBilling.identity, 'CRED1');
    assert.equal(atBilling.handshake.headers.authorization, basic('proxy-user:upstream-pass'));

    const atOther = await other.nextClient();
    assert.equal(atOther.identity, 'OTHER');
    assert.equal(atOther.handshake.request.url, '/base/OTHER');
    assert.equal(atOther.handshake.headers.authorization, undefined, 'auth = none by default for a secondary');

    const atAlias = await alias.nextClient();
    assert.equal(atAlias.identity, 'ALIAS');
    assert.equal(atAlias.handshake.headers.authorization, basic('ALIAS:alias-pass'), 'the user name defaults to the id this upstream knows');

    for (const client of [atBilling, atOther, atAlias]) {
      assert.notEqual(client.handshake.headers.authorization, chargerHeader, `${client.identity}: not the charger's header`);
    }
    assert.ok(!everythingLogged(proxy).includes('upstream-pass'));
    assert.ok(!everythingLogged(proxy).includes('charger-pass'));
  });
});

// ---- 3. TLS -----------------------------------------------------------------------------------

interface KeyPair {
  cert: Buffer;
  key: Buffer;
  certFile: string;
  keyFile: string;
}

interface Pki {
  dir: string;
  ca: Buffer;
  caFile: string;
  /** Server certificates for 127.0.0.1 (IP SAN), told apart by O= and serial. */
  serverA: KeyPair;
  serverB: KeyPair;
  /** A client certificate (CN=proxy-client) for security profile 3. */
  client: KeyPair;
}

let pkiCache: Pki | null = null;

/** A throw-away CA with two server certificates and one client certificate, made with the openssl CLI. */
function pki(): Pki {
  if (pkiCache !== null) return pkiCache;
  const dir = tempDir();
  const openssl = (...args: string[]) => execFileSync('/usr/bin/openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=ocpp-proxy test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  const leaf = (name: string, subject: string, serial: string, extensions: string): KeyPair => {
    writeFileSync(join(dir, `${name}.ext`), extensions);
    openssl('req', '-new', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', serial, '-days', '2',
      '-out', `${name}.pem`, '-extfile', `${name}.ext`);
    const certFile = join(dir, `${name}.pem`);
    const keyFile = join(dir, `${name}.key`);
    return { cert: readFileSync(certFile), key: readFileSync(keyFile), certFile, keyFile };
  };
  const serverExt = 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1\n';
  pkiCache = {
    dir,
    ca: readFileSync(join(dir, 'ca.pem')),
    caFile: join(dir, 'ca.pem'),
    serverA: leaf('server-a', '/CN=127.0.0.1/O=First', '0x1001', serverExt),
    serverB: leaf('server-b', '/CN=127.0.0.1/O=Second', '0x2002', serverExt),
    client: leaf('client', '/CN=proxy-client/O=Proxy', '0x3003', 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n'),
  };
  return pkiCache;
}

/** The certificate a new TLS connection to `port` is shown (verified against `ca`). */
async function peerCertificate(port: number, ca: Buffer): Promise<PeerCertificate> {
  const socket = tlsConnect({ host: '127.0.0.1', port, ca });
  socket.on('error', () => {});
  try {
    await within(once(socket, 'secureConnect'), `a TLS handshake with port ${port}`);
    return socket.getPeerCertificate();
  } finally {
    socket.destroy();
  }
}

interface TlsCsms {
  port: number;
  url: string;
  clients: RPCClientLike[];
  nextClient(): Promise<RPCClientLike>;
  /** First byte of every TCP connection made to the CSMS, in order (0x16 = a TLS ClientHello). */
  firstBytes: number[];
  /** Resolves with the first byte of the next connection (or one already seen and not taken). */
  nextConnection(): Promise<number>;
  /** Requests that reached the HTTPS server without an upgrade. */
  plainRequests: number;
  close(): Promise<void>;
}

/**
 * A strict ocpp-rpc CSMS behind `https.createServer` (security profiles 2 and 3), fronted by a TCP
 * forwarder that records how each connection starts: a plain-ws attempt would show up there.
 */
async function startTlsCsms(tls: Pki, options: { requestCert?: boolean } = {}): Promise<TlsCsms> {
  const rpc = new RPCServer({ protocols: ['ocpp1.6', 'ocpp2.0.1'], strictMode: true, pingIntervalMs: 0 });
  const clients: RPCClientLike[] = [];
  const untaken: RPCClientLike[] = [];
  const waiters: Array<(client: RPCClientLike) => void> = [];
  rpc.on('client', (raw: unknown) => {
    const client = raw as RPCClientLike;
    defaultCsmsHandlers(client, 300);
    clients.push(client);
    const waiter = waiters.shift();
    if (waiter) waiter(client);
    else untaken.push(client);
  });
  const https = createHttpsServer({
    cert: tls.serverA.cert,
    key: tls.serverA.key,
    ca: tls.ca,
    requestCert: options.requestCert ?? false,
    rejectUnauthorized: false, // the test looks at what was presented
    minVersion: 'TLSv1.2',
  });
  const state = { plainRequests: 0 };
  https.on('request', (_req, res) => {
    state.plainRequests++;
    res.writeHead(400).end();
  });
  https.on('upgrade', rpc.handleUpgrade);
  https.on('tlsClientError', () => {});
  https.listen(0, '127.0.0.1');
  await once(https, 'listening');
  const backPort = (https.address() as AddressInfo).port;

  const firstBytes: number[] = [];
  const untakenBytes: number[] = [];
  const byteWaiters: Array<(byte: number) => void> = [];
  const sockets = new Set<Socket>();
  const front = createNetServer((socket) => {
    const back = netConnect(backPort, '127.0.0.1');
    sockets.add(socket).add(back);
    socket.once('data', (chunk: Buffer) => {
      const byte = chunk[0]!;
      firstBytes.push(byte);
      const waiter = byteWaiters.shift();
      if (waiter) waiter(byte);
      else untakenBytes.push(byte);
    });
    socket.pipe(back);
    back.pipe(socket);
    const destroyBoth = () => {
      socket.destroy();
      back.destroy();
      sockets.delete(socket);
      sockets.delete(back);
    };
    for (const s of [socket, back]) {
      s.on('error', destroyBoth);
      s.on('close', destroyBoth);
    }
  });
  front.listen(0, '127.0.0.1');
  await once(front, 'listening');
  const port = (front.address() as AddressInfo).port;

  return {
    port,
    url: `wss://127.0.0.1:${port}`,
    clients,
    nextClient: () => {
      const ready = untaken.shift();
      if (ready) return Promise.resolve(ready);
      return within(new Promise((resolve) => waiters.push(resolve)), 'a charger connection at the TLS CSMS');
    },
    firstBytes,
    nextConnection: () => {
      const byte = untakenBytes.shift();
      if (byte !== undefined) return Promise.resolve(byte);
      return within(new Promise((resolve) => byteWaiters.push(resolve)), 'a connection at the TLS CSMS');
    },
    get plainRequests() {
      return state.plainRequests;
    },
    close: async () => {
      await rpc.close({ force: true });
      for (const socket of sockets) socket.destroy();
      await Promise.all([
        new Promise((resolve) => front.close(resolve)),
        new Promise((resolve) => {
          https.close(resolve);
          https.closeAllConnections();
        }),
      ]);
    },
  };
}

const TLS_HANDSHAKE = 0x16;

/** The TLS socket an upstream connection came in on (ocpp-rpc keeps the upgrade request). */
function tlsSocketOf(client: RPCClientLike): TLSSocket {
  return (client.handshake.request as unknown as IncomingMessage).socket as TLSSocket;
}

describe('TLS on the charger listener', () => {
  test('cert_chain/cert_key: chargers connect over wss trusting the CA; the start-up line says wss://', async () => {
    const tls = pki();
    const primary = await startCsms();
    const proxy = await startProxy(`${iniFor(primary.url)}[host]\ncert_chain = ${tls.serverA.certFile}\ncert_key = ${tls.serverA.keyFile}\n`);
    cleanups.push(() => primary.close(), () => proxy.close());

    assert.ok(
      proxy.console.some((line) => line.includes(`wss://127.0.0.1:${proxy.port}/`)),
      `a start-up line with wss://127.0.0.1:${proxy.port}/ in:\n${proxy.console.join('\n')}`,
    );
    assert.ok(!proxy.console.some((line) => line.includes(`ws://127.0.0.1:${proxy.port}/`)));

    const charger = strictCharger(proxy.port, 'TLS1', ['ocpp1.6'], {
      endpoint: `wss://127.0.0.1:${proxy.port}`,
      wsOpts: { ca: tls.ca, headers: {} },
    });
    cleanups.push(() => charger.close({ force: true }));
    await within(charger.connect(), 'the charger to connect over wss');
    const atPrimary = await primary.nextClient();
    assert.equal(atPrimary.identity, 'TLS1');
    const reply = (await within(charger.call('BootNotification', bootParams('ocpp1.6')), 'the BootNotification reply')) as { status: string };
    assert.equal(reply.status, 'Accepted');

    // The listener really is TLS: it presents serverA, and a client that does not trust the CA is refused.
    const cert = await peerCertificate(proxy.port, tls.ca);
    assert.equal(cert.subject.O, 'First');
    const untrusting = new WebSocket(`wss://127.0.0.1:${proxy.port}/TLS2`, ['ocpp1.6']);
    const [error] = await within(once(untrusting, 'error'), 'the untrusting client to fail');
    assert.match((error as Error).message, /certificate/i);
    // and plain ws:// on the wss port does not get a WebSocket
    const plain = new WebSocket(`ws://127.0.0.1:${proxy.port}/TLS3`, ['ocpp1.6']);
    await within(once(plain, 'error'), 'plain ws to fail on the wss port');
    assert.equal(primary.clients.length, 1);
  });

  test('reload (SIGHUP) takes the new certificate for new connections; a broken or mismatched one keeps the previous', async () => {
    const tls = pki();
    const dir = tempDir();
    const certFile = join(dir, 'listener.pem');
    const keyFile = join(dir, 'listener.key');
    writeFileSync(certFile, tls.serverA.cert);
    writeFileSync(keyFile, tls.serverA.key);
    const primary = await startCsms();
    const proxy = await startProxy(`${iniFor(primary.url)}[host]\ncert_chain = ${certFile}\ncert_key = ${keyFile}\n`);
    cleanups.push(() => primary.close(), () => proxy.close());

    const charger = strictCharger(proxy.port, 'RELOAD1', ['ocpp1.6'], {
      endpoint: `wss://127.0.0.1:${proxy.port}`,
      wsOpts: { ca: tls.ca, headers: {} },
    });
    cleanups.push(() => charger.close({ force: true }));
    await within(charger.connect(), 'the charger to connect over wss');

    const before = await peerCertificate(proxy.port, tls.ca);
    assert.equal(before.subject.O, 'First');

    writeFileSync(certFile, tls.serverB.cert);
    writeFileSync(keyFile, tls.serverB.key);
    await within(proxy.daemon.reload(), 'the reload');
    const reloaded = await peerCertificate(proxy.port, tls.ca);
    assert.equal(reloaded.subject.O, 'Second');
    assert.notEqual(reloaded.serialNumber, before.serialNumber);
    assert.ok(proxy.console.some((line) => /certificate reloaded/.test(line)));

    // The charger connected before the reload is still there.
    const reply = (await within(charger.call('BootNotification', bootParams('ocpp1.6')), 'a call after the reload')) as { status: string };
    assert.equal(reply.status, 'Accepted');

    // A key that is not a key: reload logs an error and keeps serving serverB.
    writeFileSync(keyFile, '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n');
    const consoleBefore = proxy.console.length;
    await within(proxy.daemon.reload(), 'the failed reload');
    assert.ok(
      proxy.console.slice(consoleBefore).some((line) => /keeping the previous certificate/.test(line)),
      `an error line in:\n${proxy.console.slice(consoleBefore).join('\n')}`,
    );
    const kept = await peerCertificate(proxy.port, tls.ca);
    assert.equal(kept.subject.O, 'Second');

    // Half-way through a renewal (serverA's certificate, serverB's key): refused the same way.
    writeFileSync(certFile, tls.serverA.cert);
    writeFileSync(keyFile, tls.serverB.key);
    const consoleBeforeMismatch = proxy.console.length;
    await within(proxy.daemon.reload(), 'the mismatched reload');
    assert.ok(proxy.console.slice(consoleBeforeMismatch).some((line) => /keeping the previous certificate/.test(line)));
    const stillKept = await peerCertificate(proxy.port, tls.ca);
    assert.equal(stillKept.subject.O, 'Second');
  });
});

describe('TLS toward upstreams', () => {
  test('wss upstream with ca: the link opens over TLS', async () => {
    const tls = pki();
    const primary = await startCsms();
    const csms = await startTlsCsms(tls);
    const proxy = await startProxy(`${iniFor(primary.url)}[upstream.secure]\nurl = ${csms.url}\nca = ${tls.caFile}\n`);
    cleanups.push(() => primary.close(), () => csms.close(), () => proxy.close());

    const charger = strictCharger(proxy.port, 'WSS1', ['ocpp1.6']);
    cleanups.push(() => charger.close({ force: true }));
    await within(charger.connect(), 'the charger to connect');
    const atSecure = await csms.nextClient();
    assert.equal(atSecure.identity, 'WSS1');
    const socket = tlsSocketOf(atSecure);
    assert.equal(socket.encrypted, true);
    assert.deepEqual(socket.getPeerCertificate(), {}, 'no client certificate configured, none presented');
    assert.deepEqual(csms.firstBytes, [TLS_HANDSHAKE]);
    await within(charger.call('BootNotification', bootParams('ocpp1.6')), 'the BootNotification reply');
    const boot = await proxy.entry((e) => e.action === 'BootNotification' && e.to === 'secure', 'the Boot to the wss upstream');
    assert.equal(boot.from, 'charger');
  });

  test('wss upstream with cert/key: the CSMS sees the client certificate (security profile 3)', async () => {
    const tls = pki();
    const primary = await startCsms();
    const csms = await startTlsCsms(tls, { requestCert: true });
    const proxy = await startProxy(
      `${iniFor(primary.url)}[upstream.mtls]\nurl = ${csms.url}\nca = ${tls.caFile}\ncert = ${tls.client.certFile}\nkey = ${tls.client.keyFile}\n`,
    );
    cleanups.push(() => primary.close(), () => csms.close(), () => proxy.close());

    const charger = strictCharger(proxy.port, 'MTLS1', ['ocpp1.6']);
    cleanups.push(() => charger.close({ force: true }));
    await within(charger.connect(), 'the charger to connect');
    const atCsms = await csms.nextClient();
    const socket = tlsSocketOf(atCsms);
    const presented = socket.getPeerCertificate();
    assert.equal(presented.subject?.CN, 'proxy-client');
    assert.equal(socket.authorized, true, `the client certificate verifies against the CA (${String(socket.authorizationError)})`);
  });

  test('wss upstream without ca: a CA-signed but untrusted chain is refused, never retried as ws://; the charger stays on its primary', async () => {
    const tls = pki();
    const primary = await startCsms();
    const csms = await startTlsCsms(tls);
    const proxy = await startProxy(`${iniFor(primary.url)}[upstream.untrusted]\nurl = ${csms.url}\n`);
    cleanups.push(() => primary.close(), () => csms.close(), () => proxy.close());

    const charger = strictCharger(proxy.port, 'NOCA1', ['ocpp1.6']);
    cleanups.push(() => charger.close({ force: true }));
    await within(charger.connect(), 'the charger to connect');
    await primary.nextClient();

    // The first attempt and the reconnect after backoff (about 1 s): both must be TLS.
    assert.equal(await csms.nextConnection(), TLS_HANDSHAKE, 'first attempt');
    assert.equal(await csms.nextConnection(), TLS_HANDSHAKE, 'the retry');
    assert.ok(csms.firstBytes.every((byte) => byte === TLS_HANDSHAKE), `only TLS connections: ${csms.firstBytes.join(', ')}`);
    assert.equal(csms.plainRequests, 0);
    assert.equal(csms.clients.length, 0, 'no WebSocket at the untrusted CSMS');
    assert.ok(
      proxy.console.some((line) => line.includes('untrusted') && /certificate/i.test(line)),
      `a warning naming the upstream and the certificate problem in:\n${proxy.console.join('\n')}`,
    );
    const session = proxy.daemon.server.sessions.get('NOCA1');
    assert.ok(session);
    assert.equal(session.links.find((link) => link.name === 'untrusted')?.isOpen, false);

    const reply = (await within(charger.call('BootNotification', bootParams('ocpp1.6')), 'the BootNotification reply from the primary')) as { status: string };
    assert.equal(reply.status, 'Accepted');
  });

  test('a wss primary without a trusted chain: the charger gets 502, no plain attempt', async () => {
    const tls = pki();
    const csms = await startTlsCsms(tls);
    const proxy = await startProxy(`[upstream.main]\nurl = ${csms.url}\nrole = primary\n`);
    cleanups.push(() => csms.close(), () => proxy.close());
    const result = await rawHandshake(`ws://127.0.0.1:${proxy.port}/PRI1`);
    assert.equal(result.status, 502);
    assert.ok(csms.firstBytes.length >= 1, 'the proxy did try the primary');
    assert.ok(csms.firstBytes.every((byte) => byte === TLS_HANDSHAKE), `only TLS connections: ${csms.firstBytes.join(', ')}`);
    assert.equal(csms.plainRequests, 0);
    assert.equal(csms.clients.length, 0);
  });

  test('insecure = true without ca: the link opens', async () => {
    const tls = pki();
    const primary = await startCsms();
    const csms = await startTlsCsms(tls);
    const proxy = await startProxy(`${iniFor(primary.url)}[upstream.lax]\nurl = ${csms.url}\ninsecure = true\n`);
    cleanups.push(() => primary.close(), () => csms.close(), () => proxy.close());

    const charger = strictCharger(proxy.port, 'LAX1', ['ocpp1.6']);
    cleanups.push(() => charger.close({ force: true }));
    await within(charger.connect(), 'the charger to connect');
    const atCsms = await csms.nextClient();
    assert.equal(atCsms.identity, 'LAX1');
    assert.equal(tlsSocketOf(atCsms).encrypted, true);
    assert.deepEqual(csms.firstBytes, [TLS_HANDSHAKE]);
  });
});
