/**
 * A bulk decryption worker thread (issue 11 §7): one sealed part streamed from its blob file through
 * unsealStream with its content key, re-sealed under the evaluation key (SM4-CTR, HMAC-SM3 over the
 * IV and the ciphertext) into a temporary file beside the blob store, its SM3 taken on the way so the
 * main thread adopts it without reading it again. The sealed bytes and the plaintext are checked against
 * the signed manifest on the way. Plaintext exists only in this thread's buffers.
 */
import { createCipheriv, createHash, createHmac } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parentPort } from 'node:worker_threads';
import { unsealStream } from '@bidhall/crypto';

export interface BulkJob {
  id: number;
  contentKey: Uint8Array;
  source: string;
  out: string;
  enc: Uint8Array;
  macKey: Uint8Array;
  iv: Uint8Array;
  /** From the signed manifest: the sealed bytes' size and hash, and the plaintext's (B-023). */
  expect: { ciphertextSize: number; ciphertextHash: string; plaintextHash: string };
}

export type BulkResult = { id: number; ok: true; plaintextHash: string; size: number; mac: Uint8Array; sm3: string; sealedSize: number } | { id: number; ok: false; error: string };

async function run(job: BulkJob): Promise<BulkResult> {
  const { stream: plain, digest } = await unsealStream(createReadStream(job.source, { highWaterMark: 1 << 16 }), { contentKey: job.contentKey }, job.expect);
  const cipher = createCipheriv('sm4-ctr', job.enc, job.iv);
  const mac = createHmac('sm3', job.macKey).update(job.iv);
  const address = createHash('sm3');
  let sealedSize = 0;
  const tagged = new Transform({
    transform(chunk: Buffer, _enc, done) {
      mac.update(chunk);
      address.update(chunk);
      sealedSize += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(plain, cipher, tagged, createWriteStream(job.out, { flags: 'wx', mode: 0o640 }));
  const d = await digest;
  return { id: job.id, ok: true, plaintextHash: d.plaintextHash, size: d.size, mac: mac.digest(), sm3: address.digest('hex'), sealedSize };
}

parentPort?.on('message', (job: BulkJob) => {
  run(job).then(
    (result) => parentPort!.postMessage(result),
    (err: unknown) => parentPort!.postMessage({ id: job.id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies BulkResult),
  );
});
