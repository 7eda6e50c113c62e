/**
 * The baseline: a bare Node streaming upload sink. Each request body is piped to its own file; the
 * answer goes once the file is closed. Run as its own process, like the server it is compared with.
 * Usage: node --import tsx sink.ts DIR  → prints {"url": …} once listening.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

const dir = process.argv[2]!;
const server = http.createServer((req, res) => {
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
