// Charger HTTP Basic authentication (OCPP security profiles 1 and 2): parse the header, check the
// password against a stored scrypt hash `scrypt$N$r$p$<salt b64>$<hash b64>`.

import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface StoredHash {
  /** scrypt CPU/memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelisation. */
  p: number;
  salt: Buffer;
  hash: Buffer;
}

export interface BasicCredentials {
  username: string;
  /** Raw bytes: a 1.6 AuthorizationKey need not be text, let alone UTF-8. */
  password: Buffer;
}

const DEFAULT_N = 16384;
const DEFAULT_R = 8;
const DEFAULT_P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** Stored hashes come from config: bound the work one verification can cost (the default needs 16 MiB). */
const MAX_SCRYPT_MEMORY = 64 * 1024 * 1024;
const MAX_P = 16;
const MIN_SALT_BYTES = 8;
const MIN_HASH_BYTES = 16;
const MAX_HASH_BYTES = 64;

/** Padded or unpadded standard base64, nothing else (Buffer.from skips characters it does not know). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;
const DECIMAL = /^[1-9][0-9]{0,9}$/;
const BASIC = /^basic[ \t]+(\S*)[ \t]*$/i;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** What OpenSSL's scrypt allocates for these parameters (checked against maxmem). */
function scryptMemory(N: number, r: number, p: number): number {
  return 128 * r * (N + 2 + p);
}

function deriveKey(password: Buffer | string, salt: Buffer, keyLength: number, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, { N, r, p, maxmem: MAX_SCRYPT_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A new `scrypt$16384$8$1$<salt>$<hash>` line for the config. */
export async function hashPassword(password: Buffer | string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await deriveKey(password, salt, KEY_BYTES, DEFAULT_N, DEFAULT_R, DEFAULT_P);
  return ['scrypt', DEFAULT_N, DEFAULT_R, DEFAULT_P, salt.toString('base64'), hash.toString('base64')].join('$');
}

function decodeBase64(text: string): Buffer | null {
  return text !== '' && BASE64.test(text) ? Buffer.from(text, 'base64') : null;
}

/** The stored hash, or null when the text is not a well-formed scrypt line with sane parameters. */
export function parseStoredHash(text: string): StoredHash | null {
  const parts = text.trim().split('$');
  if (parts.length !== 6) return null;
  const [scheme, nText, rText, pText, saltText, hashText] = parts as [string, string, string, string, string, string];
  if (scheme !== 'scrypt' || !DECIMAL.test(nText) || !DECIMAL.test(rText) || !DECIMAL.test(pText)) return null;
  const N = Number(nText);
  const r = Number(rText);
  const p = Number(pText);
  if (N < 2 || (N & (N - 1)) !== 0 || p > MAX_P || scryptMemory(N, r, p) > MAX_SCRYPT_MEMORY) return null;
  const salt = decodeBase64(saltText);
  const hash = decodeBase64(hashText);
  if (salt === null || hash === null) return null;
  if (salt.length < MIN_SALT_BYTES || hash.length < MIN_HASH_BYTES || hash.length > MAX_HASH_BYTES) return null;
  return { N, r, p, salt, hash };
}

/** The credentials of an `Authorization: Basic ...` header, or null when it is missing or not Basic/base64/`user:password`. */
export function parseBasicAuth(header: string | undefined): BasicCredentials | null {
  if (header === undefined) return null;
  const match = BASIC.exec(header.trim());
  const decoded = match?.[1] === undefined ? null : decodeBase64(match[1]);
  if (decoded === null) return null;
  // The first ':' ends the user name (RFC 7617); the password may contain ':' and any byte.
  const colon = decoded.indexOf(0x3a);
  if (colon === -1) return null;
  let username: string;
  try {
    username = utf8.decode(decoded.subarray(0, colon));
  } catch {
    return null;
  }
  return { username, password: Buffer.from(decoded.subarray(colon + 1)) };
}

/** Whether `password` matches; constant time in the hash comparison. Rejects only if scrypt itself fails. */
export async function verifyPassword(password: Buffer, stored: StoredHash): Promise<boolean> {
  if (stored.hash.length === 0) return false; // two empty buffers compare equal
  const derived = await deriveKey(password, stored.salt, stored.hash.length, stored.N, stored.r, stored.p);
  if (derived.length !== stored.hash.length) return false;
  return timingSafeEqual(derived, stored.hash);
}
