/**
 * The bulk decryption's cryptographic work done by OpenSSL alone (Node's crypto, no envelope code), per
 * part, pass for pass as the platform does it:
 *   open:   SM3 of the sealed bytes, HMAC-SM3 of them (the chunk tags), SM4-CTR, SM3 of the plaintext
 *           (checked against the signed manifest, B-023);
 *   reseal: SM4-CTR under the evaluation key, HMAC-SM3 of the result, SM3 of it (the blob's address).
 */
import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

/** A pass-through: SM3 of the input when asked, HMAC-SM3 of the input or the output, SM4-CTR, SM3 of the output. */
function crypt(key: Buffer, opts: { hashInput: boolean; macOf: 'input' | 'output' }) {
  const cipher = createCipheriv('sm4-ctr', key, randomBytes(16));
  const hmac = createHmac('sm3', key);
  const inHash = opts.hashInput ? createHash('sm3') : null;
  const outHash = createHash('sm3');
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      inHash?.update(chunk);
      if (opts.macOf === 'input') hmac.update(chunk);
      const out = cipher.update(chunk);
      if (opts.macOf === 'output') hmac.update(out);
      outHash.update(out);
      done(null, out);
    },
    flush(done) {
      inHash?.digest();
      hmac.digest();
      outHash.digest();
      done(null, cipher.final());
    },
  });
}

/** The work on `files`, one after another on this thread; returns the seconds it took. */
export async function opensslBulk(files: readonly string[], tmpDir: string): Promise<number> {
  const key = randomBytes(16);
  const started = performance.now();
  for (const [i, file] of files.entries()) {
    const out = join(tmpDir, `baseline-${process.pid}-${i}-${Math.random().toString(36).slice(2)}`);
    await pipeline(createReadStream(file, { highWaterMark: 1 << 16 }), crypt(key, { hashInput: true, macOf: 'input' }), crypt(key, { hashInput: false, macOf: 'output' }), createWriteStream(out));
    await unlink(out);
  }
  return (performance.now() - started) / 1000;
}

/**
 * The same work on `lanes` worker threads (one per core), each taking the next file as the platform's
 * pool does; the threads are started before the clock runs. Returns the seconds it took.
 */
export async function opensslBulkOnCores(files: readonly string[], tmpDir: string, lanes: number): Promise<number> {
  const workers = await Promise.all(
    Array.from({ length: lanes }, () => {
      const w = new Worker(new URL(import.meta.url), { execArgv: ['--import', 'tsx'] });
      return new Promise<Worker>((resolve) => w.once('online', () => resolve(w)));
    }),
  );
  let next = 0;
  const lane = async (w: Worker) => {
    while (next < files.length) {
      const file = files[next++]!;
      await new Promise<void>((resolve, reject) => {
        w.once('message', () => resolve());
        w.once('error', reject);
        w.postMessage({ file, tmpDir });
      });
    }
  };
  const started = performance.now();
  try {
    await Promise.all(workers.map(lane));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return (performance.now() - started) / 1000;
}

if (!isMainThread) {
  parentPort!.on('message', ({ file, tmpDir }: { file: string; tmpDir: string }) => {
    void opensslBulk([file], tmpDir).then((s) => parentPort!.postMessage(s));
  });
}
