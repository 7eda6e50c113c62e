/**
 * The baseline: a bare Node streaming upload sink. Each request body is piped to its own file; the
 * answer goes once the file is closed. Run as its own process, like the server it is compared with.
 * With --sm3 it also hashes each body with SM3 as it streams (OpenSSL), the one piece of work per
 * byte the platform cannot leave out: a reference for how much of the gap is that hashing.
 * Usage: node --import tsx sink.ts DIR [--sm3]  → prints {"url": …} once listening.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

const dir = process.argv[2]!;
const hashing = process.argv.includes('--sm3');
const server = http.createServer((req, res) => {
  if (hashing) {
    const hash = createHash('sm3');
    req.on('data', (chunk: Buffer) => hash.update(chunk));
    req.on('end', () => hash.digest());
  }
  pipeline(req, createWriteStream(join(dir, randomUUID()))).then(
    () => {
      res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
    },
    (err: Error) => {
      res.writeHead(500).end(err.message);
    },
  );
});
server.keepAliveTimeout = 60_000;
server.requestTimeout = 0;
server.listen(0, '127.0.0.1', () => {
  const a = server.address() as { port: number };
  console.log(JSON.stringify({ url: `http://127.0.0.1:${a.port}`, pid: process.pid }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
