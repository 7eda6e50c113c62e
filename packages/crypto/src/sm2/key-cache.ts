/**
 * Per-public-key work for SM2 verification, kept for keys that are verified again and again (the
 * platform checks many signatures of the same bidder keys and of its own key): the decoded,
 * validated point, ZA per signer ID, and — once a key has been verified TABLE_AFTER_USES times — a
 * fixed-window table of the point's multiples (fixed-window.ts) so that s·G + t·P needs no doublings.
 * Bounded LRU maps; everything here is derived from public data.
 */
import { toHex } from '../util/bytes.ts';
import { Sm2Point, decodeSm2Point, type Sm2PointT } from './curve.ts';
import { buildTable, mulAddX, type FixedWindowTable } from './fixed-window.ts';

interface KeyEntry {
  point: Sm2PointT;
  uses: number;
  /** Encryptions to this key; from the ENCRYPTION_TABLE_AFTER-th on, its point carries noble's precomputed table. */
  encryptions?: number;
  tabled?: boolean;
  table?: FixedWindowTable;
  za: Map<string, Uint8Array>;
}

const MAX_KEYS = 1024;
/** At most this many keys keep a table (window 6: 1,376 affine points, ~130 KB each). */
const MAX_TABLES = 128;
const KEY_WINDOW = 6;
/**
 * A window-6 table costs about five joint multiplications to build and saves about three quarters of
 * one per verification: a key verified only a few times (a bidder's, checked at submission and at
 * opening) is cheaper without one. At the deadline rush a table built at the second use was 5 % of
 * the server's CPU.
 */
const TABLE_AFTER_USES = 8;
/** A key verified this often (the platform's own, a busy bidder's) gets a window-8 table: 33 additions instead of 44. */
const WIDE_AFTER_USES = 64;
const MAX_WIDE_TABLES = 16;
const WIDE_WINDOW = 8;

/** Keys encrypted to again and again (a region's custodians: every part of every bid is wrapped to them). */
const MAX_ENCRYPTION_TABLES = 16;
const ENCRYPTION_WINDOW = 8;
/** The table costs ~70 ms once and saves ~2 ms an encryption: built for keys already used this often (a bid's own parts never get there). */
const ENCRYPTION_TABLE_AFTER = 32;

const keys = new Map<string, KeyEntry>();
let tables = 0;
let wideTables = 0;
let encryptionTables = 0;

function lookup(publicKey: Uint8Array): KeyEntry {
  const id = toHex(publicKey);
  let e = keys.get(id);
  if (e) {
    keys.delete(id); // LRU: re-insert as the newest
  } else {
    e = { point: decodeSm2Point(publicKey), uses: 0, za: new Map() };
    if (keys.size >= MAX_KEYS) {
      const [oldId, old] = keys.entries().next().value!;
      if (old.table) tables--;
      if (old.table?.w === WIDE_WINDOW) wideTables--;
      if (old.tabled) encryptionTables--;
      keys.delete(oldId);
    }
  }
  keys.set(id, e);
  return e;
}

/** The validated point (throws BAD_KEY like decodeSm2Point). */
export function cachedSm2Point(publicKey: Uint8Array): Sm2PointT {
  return lookup(publicKey).point;
}

/** ZA for a key and signer ID, computed once. */
export function cachedZa(publicKey: Uint8Array, idHex: string, compute: () => Uint8Array): Uint8Array {
  const e = lookup(publicKey);
  let za = e.za.get(idHex);
  if (!za) {
    za = compute();
    if (e.za.size >= 8) e.za.clear();
    e.za.set(idHex, za);
  }
  return za.slice();
}

/**
 * The affine x of s·G + t·P for public scalars (signature verification), null for the point at
 * infinity. Until a key has been used TABLE_AFTER_USES times this is the joint (Shamir) wNAF
 * multiplication of @noble/curves; from then on, G's table and the key's own (fixed-window.ts).
 */
export function sm2VerifyMulX(publicKey: Uint8Array, s: bigint, t: bigint): bigint | null {
  const e = lookup(publicKey);
  e.uses++;
  if (e.uses >= TABLE_AFTER_USES && !e.table && tables < MAX_TABLES) {
    e.table = buildTable(e.point, KEY_WINDOW);
    tables++;
  } else if (e.uses >= WIDE_AFTER_USES && e.table?.w === KEY_WINDOW && wideTables < MAX_WIDE_TABLES) {
    e.table = buildTable(e.point, WIDE_WINDOW);
    wideTables++;
  }
  if (e.table) {
    const x = mulAddX(s, e.table, t);
    if (x !== null) return x;
  }
  const X = Sm2Point.BASE.mulAddUnsafe(s, e.point, t);
  return X.is0() ? null : X.toAffine().x;
}

/**
 * The point to encrypt to (k·P with a secret k). From a key's 32nd encryption on, the cached point
 * carries a window-8 table (noble's `precompute`: its constant-time fixed-window multiplication, the
 * one G uses), so that wrapping every part's content key to the same custodians needs no doublings.
 */
export function encryptionPoint(publicKey: Uint8Array): Sm2PointT {
  const e = lookup(publicKey);
  e.encryptions = (e.encryptions ?? 0) + 1;
  if (e.encryptions >= ENCRYPTION_TABLE_AFTER && !e.tabled && encryptionTables < MAX_ENCRYPTION_TABLES) {
    e.point.precompute(ENCRYPTION_WINDOW, false);
    e.tabled = true;
    encryptionTables++;
  }
  return e.point;
}

/** For tests. */
export function clearSm2KeyCache(): void {
  keys.clear();
  tables = 0;
  wideTables = 0;
  encryptionTables = 0;
}

export function sm2KeyCacheInfo(publicKey: Uint8Array): { uses: number; window: number; encryptionTable: boolean } | undefined {
  const e = keys.get(toHex(publicKey));
  return e && { uses: e.uses, window: e.table?.w ?? 0, encryptionTable: e.tabled === true };
}
