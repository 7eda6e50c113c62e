/** The page side of bench/browser-seal: the web app's crypto code (`@bidhall/crypto/browser`). */
import { gmSuite, sealIterable } from '@bidhall/crypto/browser';

const MiB = 1 << 20;

declare global {
  var sealBench: (totalBytes: number) => Promise<{ seconds: number; sealedBytes: number }>;
}

globalThis.sealBench = async (totalBytes) => {
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
  const { chunks, digest } = await sealIterable(plaintext(), { name: 'big.bin', recipients });
  let sealedBytes = 0;
  for await (const c of chunks) sealedBytes += c.length;
  await digest;
  return { seconds: (performance.now() - t0) / 1000, sealedBytes };
};
