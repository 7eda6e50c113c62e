/**
 * What bench/opening measures the platform against, in the same run: a bare Node SSE server fanning one
 * small event out to the same watchers, and OpenSSL (through node:crypto) doing the bulk decryption's
 * work on the same sealed blobs — per byte, SM4-CTR and HMAC-SM3 to open it and SM3 of the plaintext,
 * SM4-CTR and HMAC-SM3 to seal it again and SM3 of what is stored, streamed to disk and back.
 */
import http from 'node:http';

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

export { opensslBulk, opensslBulkOnCores } from './openssl-bulk.ts';
