import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { Mutex } from '../db/mutex.js';

const scrypt = promisify(crypto.scrypt) as (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;

/**
 * scrypt at N = 2^15, r = 8, p = 3: 32 MiB and a few hundred milliseconds per hash. OWASP's Password Storage Cheat
 * Sheet lists it as equivalent to N = 2^17, r = 8, p = 1 (what earlier versions wrote): the same work, a quarter of
 * the memory, which a server bounded to a few hundred MB cannot spare 128 MiB of at every login.
 */
export const PARAMS = { N: 2 ** 15, r: 8, p: 3 } as const;
/** The most a stored hash may ask for (the earlier N = 2^17, r = 8, p = 1). */
const LARGEST = { N: 2 ** 17, r: 8, p: 3 } as const;
/** Node refuses a scrypt above maxmem; 128·N·r plus headroom, enough for the earlier hashes. */
const MAXMEM = 160 * 1024 * 1024;

/** One hash at a time: concurrent logins queue here instead of each adding its 32 MiB to the server's memory. */
const hashing = new Mutex();
let runs = 0;

/** How many scrypt computations this process made (each login makes exactly one, the user known or not). */
export function scryptRuns(): number {
  return runs;
}

function derive(password: string, salt: Buffer, len: number, p: { N: number; r: number; p: number }): Promise<Buffer> {
  return hashing.run(() => {
    runs++;
    return scrypt(password, salt, len, { ...p, maxmem: MAXMEM });
  });
}

/** scrypt$N$r$p$salt$hash, all in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await derive(password, salt, 32, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parseHash(stored: string): { N: number; r: number; p: number; salt: Buffer; hash: Buffer } | null {
  const [alg, N, r, p, salt, hash] = stored.split('$');
  const n = Number(N);
  const rr = Number(r);
  const pp = Number(p);
  // Only parameters this code could have written: a power of two up to 2^17, small r and p.
  if (alg !== 'scrypt' || !salt || !hash || !Number.isInteger(Math.log2(n)) || n < 2 || n > LARGEST.N) return null;
  if (!Number.isInteger(rr) || rr < 1 || rr > LARGEST.r || !Number.isInteger(pp) || pp < 1 || pp > LARGEST.p) return null;
  return { N: n, r: rr, p: pp, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
}

/**
 * A hash of nothing anyone knows, at the current parameters: a login for a user that does not exist checks its
 * password against this, so it costs the same as one that does.
 */
export const DUMMY_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${'A'.repeat(22)}$${'A'.repeat(43)}`;

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const real = parseHash(stored);
  const h = real && real.hash.length >= 16 ? real : parseHash(DUMMY_HASH)!;
  const key = await derive(password, h.salt, h.hash.length, { N: h.N, r: h.r, p: h.p });
  return h === real && stored !== DUMMY_HASH && crypto.timingSafeEqual(key, h.hash);
}

/**
 * True for a hash made with other parameters than today's (weaker ones, or the earlier 128 MiB ones): it is replaced
 * at the user's next login.
 */
export function needsRehash(stored: string): boolean {
  const h = parseHash(stored);
  return !!h && (h.N !== PARAMS.N || h.r !== PARAMS.r || h.p !== PARAMS.p);
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function sha256(s: string): string {
  return crypto.createHash('sha256').update(s).digest('hex');
}

/** A readable generated password for the first admin (16 characters). */
export function generatePassword(): string {
  return crypto.randomBytes(12).toString('base64url');
}
