import { createReadStream, createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import './install.ts';
import { gmSuite } from '../suite/suite.ts';
import { sealStream, unsealStream } from './seal-stream.ts';
import { readSealedHeader } from '../envelope/part.ts';
import { openShare } from '../envelope/key-wrap.ts';

const dir = mkdtempSync(join(tmpdir(), 'bidhall-seal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bidder = gmSuite.generateKeyPair();
const custodians = [gmSuite.generateKeyPair(), gmSuite.generateKeyPair(), gmSuite.generateKeyPair()];
const recipients = { bidder: bidder.publicKey, threshold: 2, custodians: custodians.map((c) => ({ publicKey: c.publicKey })) };

/** Deterministic bytes made on the fly, 1 MiB at a time, hashed as they are produced. */
async function* generated(totalMiB: number, hash: ReturnType<typeof createHash>): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < totalMiB; i++) {
    const b = new Uint8Array(1 << 20);
    const v = new DataView(b.buffer);
    for (let j = 0; j < b.length; j += 4096) v.setUint32(j, i * 4096 + j);
    hash.update(b);
    yield b;
  }
}

describe('streaming seal/unseal in Node', () => {
  it('[A-90] round-trips a file through Node streams, and the custodians can open it instead of the bidder', async () => {
    const src = join(dir, 'in.bin');
    writeFileSync(src, Uint8Array.from({ length: 3_000_000 }, (_, i) => (i * 7) & 0xff));
    const sealed = await sealStream(createReadStream(src), { name: 'in.bin', recipients });
    await pipeline(sealed.stream, createWriteStream(join(dir, 'in.sealed')));
    const digest = await sealed.digest;
    expect(digest.size).toBe(3_000_000);

    const out = await unsealStream(createReadStream(join(dir, 'in.sealed')), { bidderKey: bidder }, digest);
    const h = createHash('sm3');
    for await (const c of out.stream) h.update(c as Buffer);
    expect(h.digest('hex')).toBe(digest.plaintextHash);

    const { header } = await readSealedHeader(createReadStream(join(dir, 'in.sealed')));
    const shares = [await openShare(header, custodians[2]!), await openShare(header, custodians[0]!)];
    const viaShares = await unsealStream(createReadStream(join(dir, 'in.sealed')), { shares }, digest);
    let n = 0;
    for await (const c of viaShares.stream) n += (c as Buffer).length;
    expect(n).toBe(3_000_000);
  });

  it('accepts a Web ReadableStream source', async () => {
    const web = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array(100).fill(1));
        c.enqueue(new Uint8Array(50).fill(2));
        c.close();
      },
    });
    const sealed = await sealStream(web, { name: 'w', recipients, chunkSize: 64 });
    const out = await unsealStream(sealed.stream, { bidderKey: bidder });
    const parts: Buffer[] = [];
    for await (const c of out.stream) parts.push(c as Buffer);
    expect(Buffer.concat(parts)).toEqual(Buffer.concat([Buffer.alloc(100, 1), Buffer.alloc(50, 2)]));
  });

  it('[A-90] streams 100 MB through seal and unseal with flat memory', async () => {
    const inHash = createHash('sm3');
    const sealed = await sealStream(generated(100, inHash), { name: 'big.bin', recipients });
    const out = await unsealStream(sealed.stream, { bidderKey: bidder });
    const outHash = createHash('sm3');
    const mem = () => {
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const samples: number[] = [];
    let bytes = 0;
    for await (const c of out.stream) {
      outHash.update(c as Buffer);
      bytes += (c as Buffer).length;
      if (bytes % (10 << 20) === 0) samples.push(mem());
    }
    expect(bytes).toBe(100 << 20);
    expect(outHash.digest('hex')).toBe(inHash.digest('hex'));
    // Flat: the second 50 MB peak no higher than the first (GC makes a sawtooth), and nowhere near the data size.
    console.log(`100 MB streamed; heap+arrayBuffers samples (MiB): ${samples.map((s) => (s / 2 ** 20).toFixed(0)).join(' ')}`);
    const firstHalf = Math.max(...samples.slice(0, 5));
    const secondHalf = Math.max(...samples.slice(5));
    expect(secondHalf - firstHalf).toBeLessThan(48 << 20);
    expect(Math.max(...samples)).toBeLessThan(160 << 20);
  }, 120_000);
});
