import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sm3, toHex } from '@bidhall/crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import { createBlobStore } from './blob-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'bidhall-blob-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('content-addressed blob store', () => {
  const store = createBlobStore(dir);

  it('stores bytes under <dir>/ab/cd/<sm3> and reads them back, streaming', async () => {
    const bytes = Buffer.from('工程量清单 bill of quantities');
    const stored = await store.put(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]));
    expect(stored).toEqual({ sm3: toHex(sm3(bytes)), size: bytes.length });
    expect(readdirSync(join(dir, stored.sm3.slice(0, 2), stored.sm3.slice(2, 4)))).toEqual([stored.sm3]);
    expect((await store.read(stored.sm3)).equals(bytes)).toBe(true);
    const { stream, size } = await store.open(stored.sm3);
    const parts: Buffer[] = [];
    for await (const c of stream) parts.push(c as Buffer);
    expect(size).toBe(bytes.length);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);
  });

  it('the same content twice is one blob; bytes in memory work too', async () => {
    const a = await store.put(new Uint8Array([1, 2, 3]));
    const b = await store.put(Readable.from([Buffer.from([1, 2]), Buffer.from([3])]));
    expect(a).toEqual(b);
    expect(await store.stat(a.sm3)).toEqual({ sm3: a.sm3, size: 3 });
  });

  it('a blob larger than the limit is refused and leaves no file, not even a temporary one', async () => {
    const big = Buffer.alloc(2048, 7);
    await expect(store.put(Readable.from([big.subarray(0, 1024), big.subarray(1024)]), { maxBytes: 1500 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(await store.stat(toHex(sm3(big)))).toBeNull();
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
  });

  it('an unknown or malformed address is NOT_FOUND', async () => {
    await expect(store.open('0'.repeat(64))).rejects.toBeInstanceOf(DomainError);
    await expect(store.read('../../etc/passwd')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('adopts a finished file by renaming it to its content address, without a copy; a wrong size leaves it in place', async () => {
    const uploads = join(dir, 'uploads');
    mkdirSync(uploads, { recursive: true });
    const bytes = Buffer.from('BHSEAL01 a sealed part received elsewhere');
    const path = join(uploads, 'finished');
    writeFileSync(path, bytes);
    await expect(store.adopt(path, toHex(sm3(bytes)), bytes.length + 1)).rejects.toThrow(/bytes/);
    expect(existsSync(path)).toBe(true);
    const adopted = await store.adopt(path, toHex(sm3(bytes)), bytes.length);
    expect(adopted).toEqual({ sm3: toHex(sm3(bytes)), size: bytes.length });
    expect(existsSync(path)).toBe(false);
    expect((await store.read(adopted.sm3)).equals(bytes)).toBe(true);
    await expect(store.adopt(join(uploads, 'x'), '../../etc', 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
