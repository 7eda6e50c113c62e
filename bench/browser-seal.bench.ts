/**
 * Sealing 100 MB in headless Chromium with the web app's crypto code (`@bidhall/crypto/browser`,
 * bundled with esbuild as the page would load it: SM4-CTR and HMAC-SM3 in JavaScript, since WebCrypto
 * has no SM4) against Node's sealStream (the same envelope, OpenSSL underneath) in the same run.
 * Prints both throughputs, the seconds a 20 MB bid takes in the browser, and the ratio with its
 * target on the last line. Never fails on a time; skips when /usr/bin/chromium is missing.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { gmSuite, sealStream } from '@bidhall/crypto';

const MiB = 1 << 20;
const TOTAL = 100 * 1e6;
const CHROMIUM = '/usr/bin/chromium';

async function nodeSeal(totalBytes: number): Promise<number> {
  const blocks = Array.from({ length: 8 }, (_, i) => {
    const b = new Uint8Array(MiB);
    const v = new DataView(b.buffer);
    for (let j = 0; j < MiB; j += 4) v.setUint32(j, (i * MiB + j) * 2654435761);
    return b;
  });
  async function* plaintext() {
    let left = totalBytes;
    for (let i = 0; left > 0; i++) {
      const b = blocks[i % blocks.length]!;
      const n = Math.min(left, b.length);
      yield n === b.length ? b : b.subarray(0, n);
      left -= n;
    }
  }
  const key = gmSuite.generateKeyPair();
  const custodians = [gmSuite.generateKeyPair(), gmSuite.generateKeyPair(), gmSuite.generateKeyPair()];
  const recipients = { bidder: key.publicKey, threshold: 2, custodians: custodians.map((c) => ({ publicKey: c.publicKey })) };
  const t0 = performance.now();
  const { stream, digest } = await sealStream(plaintext(), { name: 'big.bin', recipients });
  for await (const _ of stream) void _;
  await digest;
  return (performance.now() - t0) / 1000;
}

if (!existsSync(CHROMIUM)) {
  console.log(`skipped: no ${CHROMIUM}`);
  process.exit(0);
}

const bundle = await build({
  entryPoints: [fileURLToPath(new URL('./browser-seal/page.ts', import.meta.url))],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  write: false,
  minify: true,
  logLevel: 'silent',
});
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>seal bench</title>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const browserVersion = browser.version();
  await page.evaluate(() => globalThis.sealBench(4 * (1 << 20))); // warm-up
  const nodeSec1 = await nodeSeal(TOTAL);
  const b = await page.evaluate((n) => globalThis.sealBench(n), TOTAL);
  const nodeSec2 = await nodeSeal(TOTAL);
  const b20 = await page.evaluate((n) => globalThis.sealBench(n), 20e6);
  const nodeSec = (nodeSec1 + nodeSec2) / 2;
  const mbps = (sec: number) => (TOTAL / 1e6 / sec).toFixed(1);
  console.log(`Node ${process.version} (OpenSSL ${process.versions.openssl}); Chromium ${browserVersion}`);
  console.log(`  node sealStream 100 MB (mean of 2)   ${nodeSec.toFixed(2)} s  ${mbps(nodeSec)} MB/s`);
  console.log(`  chromium sealIterable 100 MB         ${b.seconds.toFixed(2)} s  ${mbps(b.seconds)} MB/s  (${(b.sealedBytes / 1e6).toFixed(1)} MB sealed)`);
  console.log(`  chromium, a 20 MB bid                ${b20.seconds.toFixed(2)} s`);
  console.log(`browser sealing ${((nodeSec / b.seconds) * 100).toFixed(0)} % of Node/OpenSSL (target ≥ 30 %); a 20 MB bid takes ${b20.seconds.toFixed(1)} s in the browser`);
} finally {
  await browser.close();
}
