// Charger HTTP Basic auth: header parsing, scrypt hash format, password verification.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, parseBasicAuth, parseStoredHash, verifyPassword } from '../../src/auth/charger-auth.ts';

function basic(credentials: Buffer | string): string {
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}

test('hash, parse and verify round trip', async () => {
  const line = await hashPassword('s3cret-AuthKey');
  assert.match(line, /^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
  const stored = parseStoredHash(line);
  assert.ok(stored);
  assert.equal(stored.N, 16384);
  assert.equal(stored.r, 8);
  assert.equal(stored.p, 1);
  assert.equal(stored.salt.length, 16);
  assert.equal(stored.hash.length, 32);
  assert.equal(await verifyPassword(Buffer.from('s3cret-AuthKey'), stored), true);
  assert.equal(await verifyPassword(Buffer.from('s3cret-AuthKeY'), stored), false);
  assert.equal(await verifyPassword(Buffer.alloc(0), stored), false);
});

test('salts are random', async () => {
  const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
  assert.notEqual(a, b);
});

test('a binary password with 0x00, 0xff and ":" survives the header and verifies', async () => {
  const password = Buffer.from([0x00, 0xff, 0x3a, 0x41, 0x3a, 0x00, 0xfe, 0x80]);
  const stored = parseStoredHash(await hashPassword(password));
  assert.ok(stored);
  const header = basic(Buffer.concat([Buffer.from('CP-ü1:'), password]));
  const credentials = parseBasicAuth(header);
  assert.ok(credentials);
  assert.equal(credentials.username, 'CP-ü1');
  assert.deepEqual(credentials.password, password);
  assert.equal(await verifyPassword(credentials.password, stored), true);
  assert.equal(await verifyPassword(Buffer.from(password.toString('utf8')), stored), false, 'a UTF-8 round trip would corrupt it');
});

test('header variants', () => {
  assert.deepEqual(parseBasicAuth(basic('CP1:pw')), { username: 'CP1', password: Buffer.from('pw') });
  assert.deepEqual(parseBasicAuth(`basic ${Buffer.from('CP1:pw').toString('base64')}`), { username: 'CP1', password: Buffer.from('pw') });
  assert.deepEqual(parseBasicAuth(`BASIC   ${Buffer.from('CP1:pw').toString('base64')}  `), { username: 'CP1', password: Buffer.from('pw') });
  assert.deepEqual(parseBasicAuth(basic('CP1:a:b:c')), { username: 'CP1', password: Buffer.from('a:b:c') }, 'split on the first colon only');
  assert.deepEqual(parseBasicAuth(basic('CP1:')), { username: 'CP1', password: Buffer.alloc(0) });
  assert.deepEqual(parseBasicAuth(basic(':pw')), { username: '', password: Buffer.from('pw') });
  assert.deepEqual(parseBasicAuth('Basic Q1AxOnB3'), { username: 'CP1', password: Buffer.from('pw') }, 'unpadded base64');

  const refused: Array<string | undefined> = [
    undefined,
    '',
    'Basic',
    'Basic ',
    `Bearer ${Buffer.from('CP1:pw').toString('base64')}`,
    `Basicx ${Buffer.from('CP1:pw').toString('base64')}`,
    `${Buffer.from('CP1:pw').toString('base64')}`,
    'Basic !!!not-base64!!!',
    'Basic Q1AxOnB3=',
    'Basic Q1AxO',
    'Basic Q1Ax OnB3',
    basic('CP1-no-colon'),
    basic(Buffer.from([0xff, 0xfe, 0x3a, 0x41])),
  ];
  for (const header of refused) assert.equal(parseBasicAuth(header), null, String(header));
});

test('malformed stored hashes are rejected', async () => {
  const good = await hashPassword('pw');
  assert.ok(parseStoredHash(good));
  assert.ok(parseStoredHash(`${good}\n`), 'a trailing newline from a file is tolerated');
  const [, , , , salt, hash] = good.split('$');
  const malformed = [
    '',
    'pw',
    'scrypt',
    `bcrypt$16384$8$1$${salt}$${hash}`,
    `SCRYPT$16384$8$1$${salt}$${hash}`,
    `scrypt$16384$8$1$${salt}`,
    `scrypt$16384$8$1$${salt}$${hash}$extra`,
    `scrypt$16383$8$1$${salt}$${hash}`,
    `scrypt$1$8$1$${salt}$${hash}`,
    `scrypt$0$8$1$${salt}$${hash}`,
    `scrypt$-16384$8$1$${salt}$${hash}`,
    `scrypt$016384$8$1$${salt}$${hash}`,
    `scrypt$16384.0$8$1$${salt}$${hash}`,
    `scrypt$16384$0$1$${salt}$${hash}`,
    `scrypt$16384$8$0$${salt}$${hash}`,
    `scrypt$16384$8$x$${salt}$${hash}`,
    `scrypt$1073741824$8$1$${salt}$${hash}`,
    `scrypt$16384$8$1000$${salt}$${hash}`,
    `scrypt$16384$8$1$$${hash}`,
    `scrypt$16384$8$1$${salt}$`,
    `scrypt$16384$8$1$not*base64$${hash}`,
    `scrypt$16384$8$1$${salt}$${hash?.slice(0, 8)}`,
    `scrypt$16384$8$1$QUJD$${hash}`,
  ];
  for (const text of malformed) assert.equal(parseStoredHash(text), null, text);
});

test('verification uses the stored parameters', async () => {
  const { scryptSync } = await import('node:crypto');
  const salt = Buffer.from('0123456789abcdef');
  const hash = scryptSync('pw', salt, 24, { N: 1024, r: 4, p: 2 });
  const stored = parseStoredHash(`scrypt$1024$4$2$${salt.toString('base64')}$${hash.toString('base64')}`);
  assert.ok(stored);
  assert.equal(await verifyPassword(Buffer.from('pw'), stored), true);
  assert.equal(await verifyPassword(Buffer.from('pW'), stored), false);
});
