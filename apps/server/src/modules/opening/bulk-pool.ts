import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BulkJob, BulkResult } from './bulk-unseal-worker.ts';

const SCRIPT = new URL('./bulk-unseal-worker.ts', import.meta.url);

/**
 * Worker threads for the bulk decryption, one per core: each takes one part at a time. Started for a
 * run and ended with it (a hall's bulk decryption is rare; idle threads would hold memory for nothing).
 * The workers load the TypeScript sources through tsx, as the server does.
 */
export function startBulkPool(size = availableParallelism()) {
  // size 0: nothing to do, no thread started.
  const workers = Array.from({ length: Math.max(0, size) }, () => new Worker(SCRIPT, { execArgv: ['--import', 'tsx'] }));
  const idle = [...workers];
  const waiting: ((w: Worker) => void)[] = [];
  const pending = new Map<number, { resolve: (r: BulkResult & { ok: true }) => void; reject: (e: Error) => void; worker: Worker }>();
  let next = 0;
  let broken: Error | null = null;
  const release = (w: Worker) => {
    const taker = waiting.shift();
    if (taker) taker(w);
    else idle.push(w);
  };
  for (const w of workers) {
    w.on('message', (r: BulkResult) => {
      const p = pending.get(r.id);
      if (!p) return;
      pending.delete(r.id);
      release(p.worker);
      if (r.ok) p.resolve(r);
      else p.reject(new Error(r.error));
    });
    // A worker that died fails its part and every later one: the job is retried from the database.
    w.on('error', (err: Error) => {
      broken = err;
      for (const [id, p] of pending) {
        if (p.worker !== w) continue;
        pending.delete(id);
        p.reject(err);
      }
    });
  }
  const take = () => new Promise<Worker>((resolve) => (idle.length ? resolve(idle.pop()!) : waiting.push(resolve)));

  return {
    size: workers.length,
    async run(job: Omit<BulkJob, 'id'>): Promise<BulkResult & { ok: true }> {
      if (broken) throw broken;
      const worker = await take();
      const id = ++next;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, worker });
        worker.postMessage({ ...job, id } satisfies BulkJob);
      });
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

export type BulkPool = ReturnType<typeof startBulkPool>;
