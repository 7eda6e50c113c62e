/** Runs the SSE watchers in a worker and hands back when all are connected and when each saw the event. */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ClientsJob, ClientsMessage } from './sse-clients.ts';

const SCRIPT = fileURLToPath(new URL('./sse-clients.ts', import.meta.url));

export async function startWatchers(job: ClientsJob): Promise<{ arrivals: Promise<number[]>; stop: () => Promise<number> }> {
  const worker = new Worker(SCRIPT, { workerData: job, execArgv: ['--import', 'tsx'] });
  let connected!: () => void;
  let failed!: (err: Error) => void;
  const ready = new Promise<void>((resolve, reject) => ((connected = resolve), (failed = reject)));
  const arrivals = new Promise<number[]>((resolve, reject) => {
    worker.on('message', (m: ClientsMessage) => {
      if (m.kind === 'connected') connected();
      else if (m.kind === 'received') resolve(m.at);
      else {
        const err = new Error(m.error);
        failed(err);
        reject(err);
      }
    });
    worker.on('error', (err: Error) => (failed(err), reject(err)));
  });
  await ready;
  return { arrivals, stop: () => worker.terminate() };
}
