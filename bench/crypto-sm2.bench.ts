/**
 * SM2 signatures per second (sign and verify, SM3 with the default signer ID) against
 * `openssl speed sm2` on this machine in the same run. Prints figures and ratios; never fails.
 */
import { spawnSync } from 'node:child_process';
import { gmSuite, intlSuite, sm2Sign, sm2Verify, utf8, type Suite } from '@bidhall/crypto';

function opsPerSecond(fn: () => void, seconds = 2): number {
  for (let i = 0; i < 50; i++) fn(); // warm up the JIT and the precomputed base-point tables
  let n = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 20; i++) fn();
    n += 20;
  }
  return n / ((performance.now() - t0) / 1000);
}

/** `openssl speed ALG`: sign/s and verify/s from its summary line. */
function opensslSpeed(alg: string, pattern: RegExp): { sign: number; verify: number } | null {
  const r = spawnSync('openssl', ['speed', '-seconds', '3', alg], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const line = r.stdout.split('\n').find((l) => pattern.test(l));
  const nums = line?.trim().split(/\s+/).slice(-2).map(Number);
  return nums && nums.every((x) => Number.isFinite(x)) ? { sign: nums[0]!, verify: nums[1]! } : null;
}

function measure(s: Suite) {
  const key = s.generateKeyPair();
  const msg = utf8('bidhall benchmark message: a 64-byte canonical JSON document ...');
  const sig = s.sign(key, msg);
  return {
    sign: opsPerSecond(() => s.sign(key, msg)),
    verify: opsPerSecond(() => {
      if (!s.verify(key.publicKey, msg, sig)) throw new Error('verify failed');
    }),
  };
}

const ver = spawnSync('openssl', ['version'], { encoding: 'utf8' }).stdout?.trim() ?? 'no openssl';
console.log(`Node ${process.version}; OpenSSL CLI ${ver}; one core each`);

const ossl = opensslSpeed('sm2', /SM2/);
const ours = measure(gmSuite);
// The raw primitive without ZA and SM3 framing (for comparison with the suite call).
const k = gmSuite.generateKeyPair();
const m = utf8('x');
const s0 = sm2Sign(k.d, k.publicKey.point, m);
const raw = { sign: opsPerSecond(() => sm2Sign(k.d, k.publicKey.point, m)), verify: opsPerSecond(() => sm2Verify(k.publicKey.point, m, s0)) };

const row = (label: string, x: { sign: number; verify: number }, base: { sign: number; verify: number } | null) =>
  console.log(
    `  ${label.padEnd(36)} sign ${x.sign.toFixed(0).padStart(7)}/s${base ? ` (${((x.sign / base.sign) * 100).toFixed(0)} %)` : ''}   verify ${x.verify.toFixed(0).padStart(7)}/s${base ? ` (${((x.verify / base.verify) * 100).toFixed(0)} %)` : ''}`,
  );
if (ossl) row('openssl speed sm2', ossl, null);
row('bidhall gm suite (SM2, ZA + SM3)', ours, ossl);
row('bidhall sm2Sign/sm2Verify', raw, ossl);

const osslP256 = opensslSpeed('ecdsap256', /nistp256/);
const p256 = measure(intlSuite);
if (osslP256) row('openssl speed ecdsap256', osslP256, null);
row('bidhall intl suite (ECDSA P-256)', p256, osslP256);
