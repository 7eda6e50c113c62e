/**
 * What bench/opening measures the platform against, in the same run: a bare Node SSE server fanning one
 * small event out to the same watchers, and OpenSSL (through node:crypto) doing the bulk decryption's
 * work on the same sealed blobs — per byte, SM4-CTR and HMAC-SM3 to open it and SM3 of the plaintext,
 * SM4-CTR and HMAC-SM3 to seal it again and SM3 of what is stored, streamed to disk and back.
 */
import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A server that holds every stream open and, on `fire()`, writes one `event: readout` to all of them; `/view` answers a small JSON. */
export async function bareSseServer(): Promise<{ url: string; fire: (data: string) => void; close: () => Promise<void> }> {
  const open: http.ServerResponse[] = [];
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write('retry: 2000\n\n');
    open.push(res);
  });
  server.keepAliveTimeout = 0;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    /** The same event to every client: the data serialised once, as the hall's stream does. */
    fire: (data) => {
      const frame = `id: 1\nevent: readout\ndata: ${data}\n\n`;
      for (const res of open) res.write(frame);
    },
    close: async () => {
      for (const res of open) res.end();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A pass-through that feeds every chunk to a cipher, an HMAC and a hash, as the platform's streams do. */
function crypt(key: Buffer, mac: Buffer) {
  const cipher = createCipheriv('sm4-ctr', key, randomBytes(16));
  const hmac = createHmac('sm3', mac);
  const hash = createHash('sm3');
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hmac.update(chunk);
      const out = cipher.update(chunk);
      hash.update(out);
      done(null, out);
    },
    flush(done) {
      hmac.digest();
      hash.digest();
      done(null, cipher.final());
    },
  });
}

/** The bulk decryption's work on `files` by OpenSSL alone; returns the seconds it took. */
export async function opensslBulk(files: readonly string[], tmpDir: string): Promise<number> {
  const key = randomBytes(16);
  const started = performance.now();
  for (const [i, file] of files.entries()) {
    const out = join(tmpDir, `baseline-${i}`);
    await pipeline(createReadStream(file, { highWaterMark: 1 << 16 }), crypt(key, key), crypt(key, key), createWriteStream(out));
    await unlink(out);
  }
  return (performance.now() - started) / 1000;
}
