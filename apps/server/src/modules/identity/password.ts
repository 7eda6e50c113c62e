import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
/** scrypt's N as a power of two: OWASP's floor (N=2^17, r=8, p=1) unless configured higher. */
export const DEFAULT_PASSWORD_COST = 17;
/** The lowest cost the configuration accepts outside production (decision 0047: test runs). */
export const MIN_PASSWORD_COST = 10;
const R = 8;
const P = 1;
// Room for N up to 2^18 at r=8 (128·N·r bytes): a stored hash made at a higher cost still verifies.
const MAXMEM = 320 * 1024 * 1024;
const KEY_LENGTH = 32;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /**
   * Whether `password` matches `stored`, which carries its own parameters. Without a stored hash (an
   * unknown username) a decoy of this hasher's cost is compared, so both paths cost the same.
   */
  verify(password: string, stored: string | undefined): Promise<boolean>;
}

export function createPasswordHasher(cost: number = DEFAULT_PASSWORD_COST): PasswordHasher {
  if (!Number.isInteger(cost) || cost < MIN_PASSWORD_COST || cost > 18)
    throw new RangeError(`password cost ${cost} is outside ${MIN_PASSWORD_COST}…18`);
  const N = 2 ** cost;
  let decoy: Promise<string> | undefined;

  async function hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await scryptAsync(password, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAXMEM });
    return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
  }

  async function verify(password: string, stored: string | undefined): Promise<boolean> {
    const [scheme, n, r, p, salt, key] = (stored ?? (await (decoy ??= hash(randomBytes(24).toString('base64'))))).split('$');
    if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
    const expected = Buffer.from(key, 'base64');
    const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: MAXMEM,
    });
    return stored !== undefined && actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  return { hash, verify };
}
