/**
 * Signatures per second, this code against OpenSSL on this machine in the same run (one core each):
 * - SM2 (gm suite: ZA + SM3 + SM2) against `openssl speed -seconds 3 sm2` (OpenSSL 3 lists SM2 in
 *   speed, so that is the baseline); verification both for a key verified repeatedly (the platform's
 *   case: per-key tables and ZA cached) and for a key seen for the first time;
 * - ECDSA P-256 (intl suite) against node:crypto (OpenSSL) directly and `openssl speed ecdsap256`.
 * Prints figures and ratios, the targets on the last line; never fails on a time.
 */
import { spawnSync } from 'node:child_process';
import * as nodeCrypto from 'node:crypto';
import { gmSuite, intlSuite, utf8, type PrivateKey, type Suite } from '@bidhall/crypto';
import { clearSm2KeyCache } from '../packages/crypto/src/sm2/key-cache.ts';

function opsPerSecond(fn: () => void, seconds = 2): number {
  for (let i = 0; i < 50; i++) fn(); // warm up the JIT and the precomputed tables
  let n = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 20; i++) fn();
    n += 20;
  }
  return n / ((performance.now() - t0) / 1000);
}

type Rate = { sign: number; verify: number };

/** `openssl speed ALG`: sign/s and verify/s from its summary line. */
function opensslSpeed(alg: string, pattern: RegExp): Rate | null {
  const r = spawnSync('openssl', ['speed', '-seconds', '3', alg], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const line = r.stdout.split('\n').find((l) => pattern.test(l));
  const nums = line?.trim().split(/\s+/).slice(-2).map(Number);
  return nums && nums.every((x) => Number.isFinite(x)) ? { sign: nums[0]!, verify: nums[1]! } : null;
}

const msg = utf8('bidhall benchmark message: a 64-byte canonical JSON document ...');

function measure(s: Suite, seconds = 2): Rate {
  const key = s.generateKeyPair();
  const sig = s.sign(key, msg);
  return {
    sign: opsPerSecond(() => s.sign(key, msg), seconds),
    verify: opsPerSecond(() => {
      if (!s.verify(key.publicKey, msg, sig)) throw new Error('verify failed');
    }, seconds),
  };
}

/** The machine is shared: alternate the two sides in short slices and add the slices up. */
function interleaved(a: (sec: number) => Rate, b: (sec: number) => Rate, rounds: number, sec: number): [Rate, Rate] {
  const sum = (x: Rate[]) => ({ sign: x.reduce((t, r) => t + r.sign, 0) / x.length, verify: x.reduce((t, r) => t + r.verify, 0) / x.length });
  const as: Rate[] = [];
  const bs: Rate[] = [];
  for (let i = 0; i < rounds; i++) {
    as.push(a(sec));
    bs.push(b(sec));
  }
  return [sum(as), sum(bs)];
}

/** Verification of keys never seen before (no cached tables): n distinct keys, each verified once. */
function coldVerify(s: Suite, n = 150): number {
  const items: [PrivateKey, Uint8Array][] = [];
  for (let i = 0; i < n; i++) {
    const k = s.generateKeyPair();
    items.push([k, s.sign(k, msg)]);
  }
  clearSm2KeyCache();
  const t0 = performance.now();
  for (const [k, sig] of items) if (!s.verify(k.publicKey, msg, sig)) throw new Error('verify failed');
  return n / ((performance.now() - t0) / 1000);
}

function nodeP256(seconds = 2): Rate {
  const { privateKey, publicKey } = nodeCrypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const sig = nodeCrypto.sign('sha256', msg, privateKey);
  return {
    sign: opsPerSecond(() => nodeCrypto.sign('sha256', msg, privateKey), seconds),
    verify: opsPerSecond(() => {
      if (!nodeCrypto.verify('sha256', msg, publicKey, sig)) throw new Error('verify failed');
    }, seconds),
  };
}

const pct = (x: number, base: number) => `${((x / base) * 100).toFixed(0)} %`;
const row = (label: string, x: Rate, base: Rate | null) =>
  console.log(
    `  ${label.padEnd(40)} sign ${x.sign.toFixed(0).padStart(7)}/s${base ? ` (${pct(x.sign, base.sign)})` : ''}   verify ${x.verify.toFixed(0).padStart(7)}/s${base ? ` (${pct(x.verify, base.verify)})` : ''}`,
  );

const ver = spawnSync('openssl', ['version'], { encoding: 'utf8' }).stdout?.trim() ?? 'no openssl';
console.log(`Node ${process.version} (OpenSSL ${process.versions.openssl}); OpenSSL CLI ${ver}; one core each`);

console.log('SM2 (gm suite)');
// openssl speed before and after ours (averaged), since the machine's load moves.
const ossl1 = opensslSpeed('sm2', /SM2/);
const sm2 = measure(gmSuite, 3);
const ossl2 = opensslSpeed('sm2', /SM2/);
const osslSm2 = ossl1 && ossl2 ? { sign: (ossl1.sign + ossl2.sign) / 2, verify: (ossl1.verify + ossl2.verify) / 2 } : (ossl1 ?? ossl2);
const sm2Cold = coldVerify(gmSuite);
if (osslSm2) row('openssl speed sm2 (mean of 2 runs)', osslSm2, null);
row('bidhall gm suite (ZA + SM3 + SM2)', sm2, osslSm2);
console.log(`  ${'bidhall gm verify, first sight of a key'.padEnd(40)} verify ${sm2Cold.toFixed(0).padStart(7)}/s${osslSm2 ? ` (${pct(sm2Cold, osslSm2.verify)})` : ''}`);

console.log('ECDSA P-256 (intl suite)');
const osslP256 = opensslSpeed('ecdsap256', /nistp256/);
const [nodeP, p256] = interleaved(nodeP256, (sec) => measure(intlSuite, sec), 4, 0.5);
if (osslP256) row('openssl speed ecdsap256', osslP256, null);
row('node:crypto (OpenSSL) direct', nodeP, null);
row('bidhall intl suite (vs node:crypto)', p256, nodeP);

const last = [
  osslSm2 ? `SM2 verify ${pct(sm2.verify, osslSm2.verify)} of openssl (target ≥ 50 %), sign ${pct(sm2.sign, osslSm2.sign)}` : 'SM2: openssl speed sm2 unavailable',
  `P-256 verify ${pct(p256.verify, nodeP.verify)} / sign ${pct(p256.sign, nodeP.sign)} of node:crypto`,
];
console.log(last.join('; '));
