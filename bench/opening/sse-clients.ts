/**
 * The hall's watchers for bench/opening, in a worker thread of their own (the other core): N
 * Server-Sent Events streams opened on a URL, each reporting the wall-clock time (ms, shared with the
 * main thread through performance.timeOrigin) at which an `event: <name>` carrying the whole readout
 * table first reached it.
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export interface ClientsJob {
  url: string;
  /** One cookie per client, cycled. */
  cookies: string[];
  clients: number;
  /** The event whose arrival is timed. */
  event: string;
  /** The event must carry the readout table with this many rows (the hall page shows it from the event). */
  rows: number;
}

export type ClientsMessage = { kind: 'connected'; n: number } | { kind: 'received'; at: number[] } | { kind: 'failed'; error: string };

const now = () => performance.timeOrigin + performance.now();

function watch(job: ClientsJob, i: number, onOpen: () => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const agent = new http.Agent({ keepAlive: false });
    const req = http.get(job.url, { agent, headers: { accept: 'text/event-stream', cookie: job.cookies[i % job.cookies.length]! } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`client ${i}: HTTP ${res.statusCode}`));
      onOpen();
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop() ?? '';
        const block = blocks.find((b) => b.split('\n').includes(`event: ${job.event}`));
        if (block) {
          req.destroy();
          // The table as the page reads it: the event's data parsed, every row there.
          const data = block.split('\n').find((l) => l.startsWith('data: '))?.slice(6) ?? '{}';
          const rows = (JSON.parse(data) as { data?: { rows?: unknown[] } }).data?.rows?.length ?? 0;
          if (rows !== job.rows) return reject(new Error(`client ${i}: the ${job.event} event carried ${rows} rows, not ${job.rows}`));
          resolve(now());
        }
      });
    });
    req.on('error', (err) => reject(err));
  });
}

const job = workerData as ClientsJob;
let open = 0;
const arrivals = Array.from({ length: job.clients }, (_v, i) =>
  watch(job, i, () => {
    if (++open === job.clients) parentPort!.postMessage({ kind: 'connected', n: open } satisfies ClientsMessage);
  }),
);
Promise.all(arrivals).then(
  (at) => parentPort!.postMessage({ kind: 'received', at } satisfies ClientsMessage),
  (err: Error) => parentPort!.postMessage({ kind: 'failed', error: err.message } satisfies ClientsMessage),
);
